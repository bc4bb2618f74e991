package view

import (
	"bytes"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/apply"
)

// TestWritePlanTextSidRename: a statement that only changes its Sid (a
// log bucket whose delivery statements are named after their source once a
// second source logs there) reads as a rename, not as its removal.
func TestWritePlanTextSidRename(t *testing.T) {
	delivery := func(sid, src string) any {
		return map[string]any{"Sid": sid, "Effect": "Allow", "Principal": map[string]any{"Service": "logging.s3.amazonaws.com"},
			"Action": "s3:PutObject", "Resource": "arn:aws:s3:::logs/" + src + "/*",
			"Condition": map[string]any{"ArnLike": map[string]any{"aws:SourceArn": "arn:aws:s3:::" + src}}}
	}
	plan := &apply.Plan{FormatVersion: "1.0", Account: "111122223333", Warnings: []string{}, Changes: []*apply.Change{
		{Type: apply.TBucketPolicy, Name: "logs", Address: "bucket.logs", Action: apply.ActionUpdate, Risk: apply.RiskLoosen, Step: 8,
			Before: map[string]any{"Version": "2012-10-17", "Statement": []any{delivery("AllowAccessLogDelivery", "share")}},
			After: map[string]any{"Version": "2012-10-17", "Statement": []any{
				delivery("AllowAccessLogDeliveryArchive", "archive"), delivery("AllowAccessLogDeliveryShare", "share")}}},
	}}
	var b bytes.Buffer
	WritePlanText(&b, plan, false)
	out := b.String()
	for _, want := range []string{
		"~ statement AllowAccessLogDelivery -> AllowAccessLogDeliveryShare # only its Sid changes",
		"+ statement AllowAccessLogDeliveryArchive {",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("plan text lacks %q:\n%s", want, out)
		}
	}
	for _, unwanted := range []string{"- statement AllowAccessLogDelivery {", "+ statement AllowAccessLogDeliveryShare {", `"arn:aws:s3:::share"`} {
		if strings.Contains(out, unwanted) {
			t.Errorf("plan text has %q:\n%s", unwanted, out)
		}
	}
}

package apply

import (
	"strings"
	"testing"
)

func TestWarnLogSources(t *testing.T) {
	delivery := func(sources ...string) string {
		var st []string
		for i, s := range sources {
			st = append(st, `{"Sid":"D`+string(rune('0'+i))+`","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},`+
				`"Action":"s3:PutObject","Resource":"arn:aws:s3:::logs/*","Condition":{"ArnLike":{"aws:SourceArn":"`+s+`"}}}`)
		}
		st = append(st, `{"Sid":"Trail","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject",`+
			`"Resource":"arn:aws:s3:::logs/AWSLogs/*","Condition":{"StringEquals":{"AWS:SourceArn":"arn:aws:cloudtrail:us-east-1:123456789012:trail/t"}}}`)
		return `{"Version":"2012-10-17","Statement":[` + strings.Join(st, ",") + `]}`
	}
	tests := []struct {
		name, before, after string
		want                []string // substrings of the one warning; none when empty
		items               []*Item  // the spec's other items
	}{
		{"source kept", delivery("arn:aws:s3:::a"), delivery("arn:aws:s3:::a"), nil, nil},
		{"source added", delivery("arn:aws:s3:::a"), delivery("arn:aws:s3:::a", "arn:aws:s3:::b"), nil, nil},
		{"one source gone", delivery("arn:aws:s3:::a", "arn:aws:s3:::b"), delivery("arn:aws:s3:::b"),
			[]string{"bucket policy of logs lets arn:aws:s3:::a deliver", "no longer declares it:", "aws s3api put-bucket-logging --bucket a --bucket-logging-status '{}'"}, nil},
		{"trail gone", delivery("arn:aws:s3:::a"), `{"Version":"2012-10-17","Statement":[]}`,
			[]string{"lets arn:aws:cloudtrail:us-east-1:123456789012:trail/t, arn:aws:s3:::a deliver", "declares them:",
				"if one still exists and logs here, it keeps running but its logs cannot be delivered",
				"aws cloudtrail stop-logging --region us-east-1 --name t, or delete-trail"}, nil},
		{"a partner's Allow is not a log source", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` +
			`"Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::logs/*",` +
			`"Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::x"}}}]}`, `{"Version":"2012-10-17","Statement":[]}`, nil, nil},
		// review op3 L2: sources the spec still declares, whose logs move elsewhere
		{"trail and access log moved to another log bucket", delivery("arn:aws:s3:::a"), `{"Version":"2012-10-17","Statement":[]}`, nil,
			[]*Item{{Type: TTrail, Name: "t", Region: "us-east-1"}, {Type: TLogging, Name: "a", Bucket: "a", Desired: map[string]any{"TargetBucket": "logs2"}}}},
		{"trail of another region, access logging turned off", delivery("arn:aws:s3:::a"), `{"Version":"2012-10-17","Statement":[]}`,
			[]string{"lets arn:aws:cloudtrail:us-east-1:123456789012:trail/t, arn:aws:s3:::a deliver"},
			[]*Item{{Type: TTrail, Name: "t", Region: "eu-west-1"}, {Type: TLogging, Name: "a", Bucket: "a", Desired: map[string]any{}}}},
		{"trail moved, bucket source gone", delivery("arn:aws:s3:::a"), `{"Version":"2012-10-17","Statement":[]}`,
			[]string{"lets arn:aws:s3:::a deliver", "no longer declares it:"}, []*Item{{Type: TTrail, Name: "t", Region: "us-east-1"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := &Item{Type: TBucketPolicy, Name: "logs", Desired: mustParse(t, tc.after)}
			p := &Plan{Changes: []*Change{{Type: TBucketPolicy, Name: "logs", item: it, before: mustParse(t, tc.before)}}, items: append(tc.items, it)}
			warnLogSources(p)
			if len(tc.want) == 0 {
				if len(p.Warnings) != 0 {
					t.Fatalf("want no warning, got %q", p.Warnings)
				}
				return
			}
			if len(p.Warnings) != 1 {
				t.Fatalf("want one warning, got %q", p.Warnings)
			}
			for _, w := range tc.want {
				if !strings.Contains(p.Warnings[0], w) {
					t.Errorf("warning %q does not say %q", p.Warnings[0], w)
				}
			}
		})
	}
}

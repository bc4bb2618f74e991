package view

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	smithy "github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/teramot/teramotc/pkg/apply"
)

// TestAppliedErroredDetailIsClean: apply_errored's detail is the
// diagnostic's text (apply.ErrorSummary), without the SDK's request id,
// HTTP status or "https response error".
func TestAppliedErroredDetailIsClean(t *testing.T) {
	sdkErr := &smithy.OperationError{ServiceID: "IAM", OperationName: "CreatePolicyVersion", Err: &awshttp.ResponseError{
		RequestID: "6c1b2f0e-request-id-77",
		ResponseError: &smithyhttp.ResponseError{
			Response: &smithyhttp.Response{Response: &http.Response{StatusCode: 400}},
			Err:      &smithy.GenericAPIError{Code: "MalformedPolicyDocument", Message: "Duplicate Sids"},
		},
	}}
	c := &apply.Change{Type: apply.TManagedPolicy, Name: "read", Address: "grant.svc", Action: apply.ActionUpdate, Step: 2}
	cases := []struct {
		name       string
		err        error
		wantDetail string
	}{
		{"an SDK error naming the change", fmt.Errorf(`stage "revoke" failed: managed-policy read: %w`, sdkErr),
			`stage "revoke" failed: managed-policy read: iam:CreatePolicyVersion: MalformedPolicyDocument: Duplicate Sids`},
		{"an error about another write", fmt.Errorf(`stage "revoke" failed: managed-policy other: %w`, sdkErr), ""},
		{"a plain error naming the change", fmt.Errorf("managed-policy read: did not read back as written"),
			"managed-policy read: did not read back as written"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			p := NewApplyProgress(NewEvents(&b, stepClock()))
			p.Event(apply.ProgressEvent{Kind: apply.ProgressStart, Change: c})
			p.Errored(tc.err)
			lines := strings.Split(strings.TrimSpace(b.String()), "\n")
			var ev struct {
				Type string `json:"type"`
				Hook struct {
					Detail string `json:"detail"`
				} `json:"hook"`
			}
			if err := json.Unmarshal([]byte(lines[len(lines)-1]), &ev); err != nil || ev.Type != "apply_errored" {
				t.Fatalf("last event is not apply_errored (%v):\n%s", err, b.String())
			}
			if ev.Hook.Detail != tc.wantDetail {
				t.Errorf("detail = %q, want %q", ev.Hook.Detail, tc.wantDetail)
			}
			for _, raw := range []string{"RequestID", "6c1b2f0e", "StatusCode", "https response error"} {
				if strings.Contains(b.String(), raw) {
					t.Errorf("the events hold %q:\n%s", raw, b.String())
				}
			}
		})
	}
}

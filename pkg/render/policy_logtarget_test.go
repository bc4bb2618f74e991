package render

import (
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/spec"
)

// request is the part of an S3 PutObject request context that the log
// bucket's policy looks at; absent keys are left out.
type request map[string]string

// denied reports whether some Deny statement of the policy applies to req,
// with the IAM rules for the operators that teramotc renders: keys within
// an operator and operators are ANDed, values are ORed (NORed for a negated
// operator), a negated operator on an absent key holds, and Null tests
// whether the key is absent.
func denied(policy map[string]any, req request) bool {
	for _, st := range policy["Statement"].([]any) {
		s := st.(map[string]any)
		if s["Effect"] != "Deny" {
			continue
		}
		applies := true
		for op, keys := range s["Condition"].(map[string]any) {
			negated := strings.Contains(op, "Not")
			for key, vals := range keys.(map[string]any) {
				var values []string
				switch v := vals.(type) {
				case string:
					values = []string{v}
				case []any:
					for _, x := range v {
						values = append(values, x.(string))
					}
				}
				got, present := req[key]
				match := false
				for _, v := range values {
					match = match || (present && got == v)
				}
				if op == "Null" {
					// "Null": "false" holds for a present key, "true"
					// for an absent one.
					match = false
					for _, v := range values {
						match = match || (v == "false") == present
					}
				}
				if negated {
					applies = applies && !match
				} else {
					applies = applies && match
				}
			}
		}
		if applies {
			return true
		}
	}
	return false
}

func TestLogTargetUploadDeny(t *testing.T) {
	pol := decoded(t, doc(mustRender(t, guideModel(false)), "buckets/acme-teramot-logs/bucket-policy.json")).(map[string]any)
	// Keep only the upload deny: the TLS deny is not what is tested here.
	var sts []any
	for _, s := range pol["Statement"].([]any) {
		if s.(map[string]any)["Sid"] == "DenyUnencryptedUploads" {
			sts = append(sts, s)
		}
	}
	if len(sts) != 1 {
		t.Fatalf("log bucket policy has %d DenyUnencryptedUploads statements, want 1", len(sts))
	}
	pol["Statement"] = sts
	const svc, sse = "aws:PrincipalServiceName", "s3:x-amz-server-side-encryption"
	tests := []struct {
		name string
		req  request
		deny bool
	}{
		{"user without header", request{}, true},
		{"user with the wrong header", request{sse: "aws:kms"}, true},
		{"user with AES256", request{sse: "AES256"}, false},
		{"other service without header", request{svc: "delivery.logs.amazonaws.com"}, true},
		{"server access log delivery without header", request{svc: "logging.s3.amazonaws.com"}, false},
		{"CloudTrail without header", request{svc: "cloudtrail.amazonaws.com"}, false},
		{"CloudTrail with its trail key", request{svc: "cloudtrail.amazonaws.com", sse: "aws:kms"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := denied(pol, tt.req); got != tt.deny {
				t.Errorf("denied = %v, want %v (policy %v)", got, tt.deny, pol)
			}
		})
	}
}

// TestNoWildcardAccount: without aws.account_id no rendered document names
// a wildcard account in an ARN, and the CloudTrail statements are left out
// (lint rule TMC405 asks for the account).
func TestNoWildcardAccount(t *testing.T) {
	tests := []struct {
		name    string
		account string
		trail   bool // CloudTrail statements expected
	}{
		{"unknown account", "", false},
		{"known account", "111122223333", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := guideModel(true)
			s.AWS.AccountID = spec.Attr[string]{Value: tt.account}
			out := mustRender(t, s)
			for _, d := range out.Documents {
				if d.Kind == KindManifest {
					continue
				}
				if body := string(Marshal(d)); strings.Contains(body, ":*:") || strings.Contains(body, "AWSLogs/*") {
					t.Errorf("%s names a wildcard account:\n%s", d.Path, body)
				}
			}
			body := string(Marshal(doc(out, "buckets/acme-teramot-logs/bucket-policy.json")))
			if got := strings.Contains(body, "cloudtrail.amazonaws.com"); got != tt.trail {
				t.Errorf("CloudTrail statements rendered = %v, want %v:\n%s", got, tt.trail, body)
			}
		})
	}
}

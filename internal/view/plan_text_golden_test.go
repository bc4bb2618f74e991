package view

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/apply"
)

// canon parses a canonical form as a plan holds it (generic JSON).
func canon(t *testing.T, s string) any {
	t.Helper()
	if s == "" {
		return nil
	}
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("bad test JSON %s: %v", s, err)
	}
	return v
}

// displayCases are changes as the engine (or a plan file) gives them, in
// the canonical form; the text shows them in the rendered documents'
// shapes.
var displayCases = []struct {
	name, typ, before, after string
	sensitiveChanged         bool
}{
	{"lifecycle", apply.TLifecycle,
		`{"Rules":[{"AbortDays":7,"ExpirationDays":365,"ID":"ExpireLogs","NoncurrentDays":30,"Prefix":"","Status":"Enabled"},
		  {"ID":"Old","Prefix":"tmp/","Status":"Enabled","ExpirationDays":1},
		  {"ID":"Tiering","Prefix":"","Status":"Enabled","Transitions":[{"Days":30,"StorageClass":"STANDARD_IA"},{"Days":90,"StorageClass":"GLACIER"}]}]}`,
		`{"Rules":[{"AbortDays":3,"ExpirationDays":400,"ID":"ExpireLogs","NoncurrentDays":60,"Prefix":"","Status":"Enabled"},
		  {"ID":"New","Prefix":"scratch/","Status":"Enabled","ExpirationDays":7,"FilterTag":{"Key":"temp","Value":"yes"}},
		  {"ID":"Tiering","Prefix":"","Status":"Enabled","Transitions":[{"Days":30,"StorageClass":"STANDARD_IA"},{"Days":120,"StorageClass":"GLACIER"}]}]}`, false},
	{"tagging", apply.TTagging,
		`{"Tags":{"owner":"data-platform","purpose":"teramot-data-sharing","old":"x"}}`,
		`{"Tags":{"owner":"data-platform","purpose":"teramot-sharing","team":"analytics","cost-center":"(sensitive)"}}`, false},
	{"policy statements", apply.TManagedPolicy,
		`{"PolicyName":"p","PolicyDocument":{"Version":"2012-10-17","Statement":[
		  {"Sid":"ObjectAccess","Effect":"Allow","Action":["s3:DeleteObject","s3:GetObject","s3:PutObject"],"Resource":["arn:aws:s3:::b/*"]},
		  {"Sid":"ListBucket","Effect":"Allow","Action":["s3:ListBucket"],"Resource":["arn:aws:s3:::b"]},
		  {"Sid":"Gone","Effect":"Allow","Action":["s3:GetBucketTagging"],"Resource":["arn:aws:s3:::b"]}]}}`,
		`{"PolicyName":"p","PolicyDocument":{"Version":"2012-10-17","Statement":[
		  {"Sid":"ObjectAccess","Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::b/*"],
		   "Condition":{"IpAddress":{"aws:sourceip":["203.0.113.0/24"]}}},
		  {"Sid":"ListBucket","Effect":"Allow","Action":["s3:ListBucket"],"Resource":["arn:aws:s3:::b"]},
		  {"Effect":"Deny","Action":["s3:DeleteBucket"],"Resource":["arn:aws:s3:::b"]}]}}`, false},
	{"trust policy create", apply.TIAMRole, ``,
		`{"RoleName":"r","Path":"/","MaxSessionDuration":3600,"AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[
		  {"Sid":"TrustedAccountAssumeRole","Effect":"Allow","Action":["sts:AssumeRole"],"Principal":{"AWS":["arn:aws:iam::210987654321:root"]},
		   "Condition":{"StringEquals":{"sts:externalid":["(sensitive)"]}}}]}}`, false},
	{"trust policy rotated", apply.TIAMRole,
		`{"RoleName":"r","AssumeRolePolicyDocument":{"Statement":[{"Sid":"T","Effect":"Allow","Action":["sts:AssumeRole"],
		  "Principal":{"AWS":["arn:aws:iam::210987654321:root"]},"Condition":{"StringEquals":{"sts:externalid":["(sensitive)"]}}}]}}`,
		`{"RoleName":"r","AssumeRolePolicyDocument":{"Statement":[{"Sid":"T","Effect":"Allow","Action":["sts:AssumeRole"],
		  "Principal":{"AWS":["arn:aws:iam::444455556666:root"]},"Condition":{"StringEquals":{"sts:externalid":["(sensitive)"]}}}]}}`, true},
	{"event selectors", apply.TEventSelectors,
		`{"EventSelectors":[{"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::b/"]}],"IncludeManagementEvents":true,"ReadWriteType":"All"}]}`,
		`{"EventSelectors":[{"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::b/","arn:aws:s3:::c/"]}],"IncludeManagementEvents":true,"ReadWriteType":"ReadOnly"}]}`, false},
	{"encryption", apply.TEncryption,
		`{"SSEAlgorithm":"AES256","BucketKeyEnabled":false}`,
		`{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"(sensitive)","BucketKeyEnabled":true}`, false},
	{"logging create", apply.TLogging, ``, `{"TargetBucket":"logs","TargetPrefix":"data/"}`, false},
	{"hidden whole", apply.TTagging, `"(sensitive)"`, `"(sensitive)"`, true},
	{"crafted types", apply.TLifecycle,
		`{"Rules":"x","Other":[1,2]}`,
		`{"Rules":[{"ID":"r","Expiration":"(sensitive)","ExpirationDays":5}],"Other":{"a":1}}`, false},
}

func displayPlan(t *testing.T, typ, before, after string, sensitiveChanged bool) *apply.Plan {
	action := apply.ActionUpdate
	if before == "" {
		action = apply.ActionCreate
	}
	return &apply.Plan{Account: "111122223333", Warnings: []string{}, Changes: []*apply.Change{{
		Type: typ, Name: "b", Address: "bucket.data", Action: action, Risk: apply.RiskNeutral, Step: 4,
		SensitiveChanged: sensitiveChanged, Before: canon(t, before), After: canon(t, after)}}}
}

func TestPlanTextGolden(t *testing.T) {
	for _, tc := range displayCases {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			WritePlanText(&b, displayPlan(t, tc.typ, tc.before, tc.after, tc.sensitiveChanged), false)
			checkGolden(t, "plan/"+strings.ReplaceAll(tc.name, " ", "-")+".golden", []byte(b.String()))
		})
	}
}

// The markdown block carries the text with each change line's symbol
// moved to the start of the line, for GitHub's diff highlighting.
func TestPlanMarkdownGolden(t *testing.T) {
	p := &apply.Plan{Account: "111122223333", Warnings: []string{}}
	for _, tc := range displayCases[:3] {
		p.Changes = append(p.Changes, displayPlan(t, tc.typ, tc.before, tc.after, tc.sensitiveChanged).Changes...)
	}
	var b strings.Builder
	WritePlanMarkdown(&b, p)
	checkGolden(t, "plan/markdown.golden", []byte(b.String()))
}

// The old names of the canonical form never reach a plan's text.
func TestPlanTextRenderedNames(t *testing.T) {
	var b strings.Builder
	for _, tc := range displayCases[:7] {
		WritePlanText(&b, displayPlan(t, tc.typ, tc.before, tc.after, tc.sensitiveChanged), false)
	}
	out := b.String()
	for _, internal := range []string{"AbortDays", "ExpirationDays", "FilterTag", "Tags =", `"sts:externalid"`, `"aws:sourceip"`, "SSEAlgorithm = "} {
		if strings.Contains(out, internal) {
			t.Errorf("plan text shows the internal name %q:\n%s", internal, out)
		}
	}
	for _, rendered := range []string{"AbortIncompleteMultipartUpload", "DaysAfterInitiation = 7 -> 3", "Expiration", "NoncurrentVersionExpiration",
		"Filter", "TagSet", `"sts:ExternalId" = [(sensitive)]`, `"aws:SourceIp"`, "ApplyServerSideEncryptionByDefault", "KMSMasterKeyID = (sensitive)"} {
		if !strings.Contains(out, rendered) {
			t.Errorf("plan text lacks %q:\n%s", rendered, out)
		}
	}
}

// Nested change lines get their symbol coloured too; other lines none.
func TestPaintLine(t *testing.T) {
	tests := []struct{ name, line, want string }{
		{"top level", "~ Status = 1 -> 2", "\x1b[33m~\x1b[0m Status = 1 -> 2"},
		{"nested add", "        + Key = \"k\"", "        \x1b[32m+\x1b[0m Key = \"k\""},
		{"nested remove", "    - \"s3:PutObject\",", "    \x1b[31m-\x1b[0m \"s3:PutObject\","},
		{"unchanged", "      Effect = \"Allow\"", "      Effect = \"Allow\""},
		{"hidden note", "  # (1 unchanged attribute hidden)", "  # (1 unchanged attribute hidden)"},
		{"closing", "  }", "  }"},
		{"blank", "   ", "   "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := paintLine(tc.line, true); got != tc.want {
				t.Errorf("paintLine(%q) = %q, want %q", tc.line, got, tc.want)
			}
			if got := paintLine(tc.line, false); got != tc.line {
				t.Errorf("paintLine(%q) without colour = %q", tc.line, got)
			}
		})
	}
}

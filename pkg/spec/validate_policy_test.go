package spec

import (
	"strings"
	"testing"
)

// TestActionOfOtherService: an action of a service teramotc has no list for
// (iam:PassRole exists, and IAM accepts it) is a TMC504 error worded as
// teramotc's restriction, which says what to do, not as something AWS
// rejects or an action that does not exist.
func TestActionOfOtherService(t *testing.T) {
	detail := []string{
		`belongs to the service "iam"`,
		`teramotc allows only actions of the services a bucket setup needs ("kms", "s3", "sts")`,
		"cannot be suppressed",
		"manage the permissions of other services outside teramotc",
	}
	tests := []diagCase{
		{
			name: "grant extra action",
			spec: reviewBucket + `
grant "partner" {
  bucket        = bucket.data
  permissions   = ["read"]
  extra_actions = ["iam:PassRole"]
  iam_user {
    name = "partner"
  }
}
`,
			want: []wantDiag{{summary: "Action of an unsupported service",
				subject: `"iam:PassRole"`, detail: detail}},
		},
		{
			name: "bucket statement",
			spec: `
bucket "data" {
  name   = "teramot-review-data"
  region = "us-east-1"
  statement "Pass" {
    principals = { AWS = ["arn:aws:iam::210987654321:root"] }
    actions    = ["s3:GetObject", "iam:PassRole"]
    resources  = ["arn:aws:s3:::teramot-review-data/*"]
  }
}
`,
			want: []wantDiag{{summary: "Action of an unsupported service",
				subject: `"iam:PassRole"`, detail: detail}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkDiags(t, tc)
			_, diags := Load(writeSpec(t, map[string]string{"main.hcl": tc.spec}), Options{})
			for _, d := range diags {
				if RuleID(d) != "TMC504" {
					continue
				}
				for _, claim := range []string{"reject", "unknown", "does not exist", "not an action"} {
					if strings.Contains(strings.ToLower(d.Summary+" "+d.Detail), claim) {
						t.Errorf("TMC504 for iam:PassRole says %q: %s: %s", claim, d.Summary, d.Detail)
					}
				}
			}
		})
	}
}

// TestNarrowsUserID: for S3 (and so for the hard TMC107) every fixed
// aws:userid value narrows a "*" principal, "anonymous" and ACCOUNT:NAME
// included; only a wildcard or an empty value does not (review-diff4 H2;
// lib/common.rego's narrowing_condition agrees, TMC102 is stricter).
func TestNarrowsUserID(t *testing.T) {
	tests := []struct {
		name   string
		op     string
		values []string
		want   bool
	}{
		{"user id", "StringEquals", []string{"AIDAJQABLZS4A3QDU576Q"}, true},
		{"role session and user", "StringEquals", []string{"AROAJQABLZS4A3QDU576Q:alice", "AIDAJQABLZS4A3QDU576Q"}, true},
		{"role id alone", "StringLike", []string{"AROAJQABLZS4A3QDU576Q"}, true},
		{"anonymous", "StringEquals", []string{"anonymous"}, true},
		{"anonymous among ids", "StringEquals", []string{"AIDAJQABLZS4A3QDU576Q", "anonymous"}, true},
		{"federated user of an account", "StringEquals", []string{"210987654321:alice"}, true},
		{"account id", "StringEquals", []string{"111122223333"}, true},
		{"free text", "StringEquals", []string{"alice"}, true},
		{"role wildcard session", "StringLike", []string{"AROAJQABLZS4A3QDU576Q:*"}, false},
		{"empty", "StringEquals", []string{""}, false},
		{"negated", "StringNotEquals", []string{"AIDAJQABLZS4A3QDU576Q"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &Condition{
				Test:     Attr[string]{Value: tc.op},
				Variable: Attr[string]{Value: "aws:userid"},
				Values:   Attr[[]string]{Value: tc.values},
			}
			if got := narrows(c); got != tc.want {
				t.Errorf("narrows(%s aws:userid %q) = %v, want %v", tc.op, tc.values, got, tc.want)
			}
		})
	}
}

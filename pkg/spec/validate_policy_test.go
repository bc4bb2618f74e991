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
				subject: `["iam:PassRole"]`, detail: detail}},
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
				subject: `["s3:GetObject", "iam:PassRole"]`, detail: detail}},
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

package render

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestShortSensitiveStatementValues: a user statement element from a
// sensitive variable makes the bucket policy sensitive even when the value
// is too short to be found inside the document's strings (minDerived), such
// as a principal or resource "*" or a three-letter condition value. Only
// the bucket policy holds the statement.
func TestShortSensitiveStatementValues(t *testing.T) {
	const principal = `principals = { AWS = ["arn:aws:iam::444455556666:root"] }`
	const actions = `actions = ["s3:GetObject"]`
	const resources = `resources = ["arn:aws:s3:::teramot-short-sens/*"]`
	orgCondition := func(values string) string {
		return `condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ` + values + `
    }`
	}
	tests := []struct{ name, statement string }{
		{"principal", "principals = var.star\n" + actions + "\n" + resources + "\n" + orgCondition(`["o-abc123"]`)},
		{"resources", principal + "\n" + actions + "\nresources = var.stars"},
		{"condition values", principal + "\n" + actions + "\n" + resources + "\n" + orgCondition("var.short")},
		{"a sensitive statement before a plain one", principal + "\n" + actions + "\n" + resources + "\n" + orgCondition("var.short") +
			"\n  }\n  statement \"T\" {\n" + principal + "\n" + actions + "\n" + resources},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := loadFiles(t, map[string]string{"main.hcl": `
variable "star" {
  sensitive = true
  default   = "*"
}
variable "stars" {
  sensitive = true
  default   = ["*"]
}
variable "short" {
  sensitive = true
  default   = ["o-1"]
}
bucket "data" {
  name   = "teramot-short-sens"
  region = "us-east-1"
  statement "S" {
` + tc.statement + `
  }
}
`})
			var got []string
			for _, d := range out.Documents {
				if d.Sensitive {
					got = append(got, d.Path)
				}
			}
			if diff := cmp.Diff([]string{"buckets/teramot-short-sens/bucket-policy.json"}, got); diff != "" {
				t.Errorf("sensitive documents (-want +got):\n%s", diff)
			}
		})
	}
}

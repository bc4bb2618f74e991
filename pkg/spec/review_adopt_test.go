package spec

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// TestAdopterReviewFindings covers the findings of the adopter review
// (review-adopt): each case loads a spec and wants exactly these
// diagnostics, errors and warnings, with the text each subject covers and
// parts of each detail.
func TestAdopterReviewFindings(t *testing.T) {
	const bucket = `
bucket "data" {
  name   = "acme-p1-share"
  region = "us-east-1"
}
`
	role := func(account string) string {
		return bucket + `
grant "p" {
  bucket      = bucket.data
  permissions = ["read"]
  cross_account_role {
    name               = "r"
    trusted_account_id = ` + account + `
    external_id        = "7f3e2a91-5c4d-4b8e-9a1f-2d6c8e0b4a73"
  }
}
`
	}
	trail := func(account string) string {
		return bucket + `
trail "audit" {
  bucket             = bucket.data
  log_bucket         = "acme-central-logs"
  log_bucket_account = ` + account + `
}
`
	}
	type want struct {
		severity hcl.DiagnosticSeverity
		summary  string
		subject  string   // the source text the subject covers
		detail   []string // parts of the detail
	}
	errorAt := func(summary, subject string, detail ...string) want {
		return want{hcl.DiagError, summary, subject, detail}
	}
	warningAt := func(summary, subject string, detail ...string) want {
		return want{hcl.DiagWarning, summary, subject, detail}
	}
	tests := []struct {
		name    string
		spec    string
		varFile string // v.tfvars, given as -var-file when set
		want    []want
	}{
		// F-prefix-slash; a warning, not an error, since S3 keys may start
		// with "/" (review-diff6b F15)
		{name: "grant prefix with a leading slash", spec: bucket + `
grant "alpha2" {
  bucket      = bucket.data
  permissions = ["read", "list"]
  prefix      = "/alpha2/"
  iam_user { name = "alpha2-reader" }
}
`, want: []want{warningAt("Slash at the start of a grant prefix", `"/alpha2/"`,
			`most tools write do not start with "/"`, `unless the bucket's keys really begin with "/"`, `arn:aws:s3:::BUCKET//alpha2/*`, `not to the keys under "alpha2/"`,
			`Did you mean "alpha2/"?`)}},
		{name: "grant prefix of slashes only", spec: bucket + `
grant "alpha2" {
  bucket      = bucket.data
  permissions = ["read"]
  prefix      = "//"
  iam_user { name = "alpha2-reader" }
}
`, want: []want{warningAt("Slash at the start of a grant prefix", `"//"`, "Leave prefix out.")}},
		{name: "lifecycle prefix with a leading slash", spec: `
bucket "data" {
  name   = "acme-p1-share"
  region = "us-east-1"
  lifecycle_rule "tmp" {
    prefix          = "/tmp/"
    expiration_days = 7
  }
}
`, want: []want{warningAt("Slash at the start of a lifecycle rule prefix", `"/tmp/"`,
			`not to the keys under "tmp/", which it never expires or moves`, `Did you mean "tmp/"?`)}},
		{name: "access logging target prefix with a leading slash", spec: `
bucket "data" {
  name   = "acme-p1-share"
  region = "us-east-1"
  access_logging {
    target_bucket = bucket.logs
    target_prefix = "/s3/"
  }
}
bucket "logs" {
  name   = "acme-p1-logs"
  region = "us-east-1"
}
`, want: []want{warningAt("Slash at the start of a log target prefix", `"/s3/"`,
			`arn:aws:s3:::BUCKET//s3/*`, `Did you mean "s3/"?`)}},
		{name: "prefixes without a leading slash", spec: `
bucket "data" {
  name   = "acme-p1-share"
  region = "us-east-1"
  access_logging {
    target_bucket = bucket.logs
    target_prefix = "s3/"
  }
  lifecycle_rule "tmp" {
    prefix          = "tmp/"
    expiration_days = 7
  }
}
bucket "logs" {
  name   = "acme-p1-logs"
  region = "us-east-1"
}
grant "alpha2" {
  bucket      = bucket.data
  permissions = ["read"]
  prefix      = "alpha2/"
  iam_user { name = "alpha2-reader" }
}
`},
		{name: "trail log prefix suggests the same way", spec: bucket + `
trail "audit" {
  bucket     = bucket.data
  log_bucket = bucket.data
  log_prefix = "/audit/"
}
`, want: []want{errorAt("Slashes at both ends of a log prefix", `"/audit/"`, `Did you mean "audit"?`)}},

		// F-acct-leading-zero
		{name: "trusted account id as a number with a leading zero", spec: role("012345678901"),
			want: []want{{hcl.DiagError, "Invalid trusted account id", "012345678901", []string{
				"trusted_account_id is written as a number, and a number loses its leading zeros",
				"Write the account id as a quoted string", `Did you mean trusted_account_id = "012345678901"?`}}}},
		{name: "trusted account id as a quoted string", spec: role(`"01234567890"`),
			want: []want{errorAt("Invalid trusted account id", `"01234567890"`, "must be the 12 digits")}},
		{name: "trusted account id of 12 digits as a number", spec: role("444455556666")},
		// F-msg-nits: an account id as the console prints it
		{name: "account id with dashes", spec: "aws {\n  account_id = \"1234-5678-9012\"\n}\n" + bucket,
			want: []want{errorAt("Invalid account_id", `"1234-5678-9012"`, "must be the 12 digits", `Did you mean account_id = "123456789012"?`)}},
		{name: "trusted account id with spaces", spec: role(`"4444 5555 6666 "`),
			want: []want{errorAt("Invalid trusted account id", `"4444 5555 6666 "`, `Did you mean trusted_account_id = "444455556666"?`)}},
		{name: "account id with dashes but 11 digits", spec: "aws {\n  account_id = \"1234-5678-901\"\n}\n" + bucket,
			want: []want{errorAt("Invalid account_id", `"1234-5678-901"`, "must be the 12 digits")}},
		{name: "aws account id as a number with a leading zero", spec: "aws {\n  account_id = 012345678901\n}\n" + bucket,
			want: []want{errorAt("Invalid account_id", "012345678901",
				"account_id is written as a number", `Did you mean account_id = "012345678901"?`)}},
		{name: "log bucket account as a number with leading zeros", spec: trail("004445556666"),
			want: []want{errorAt("Invalid log bucket account", "004445556666",
				"log_bucket_account is written as a number", `Did you mean log_bucket_account = "004445556666"?`)}},
		{name: "account id from a number variable", spec: "variable \"acct\" {\n  type    = number\n  default = 012345678901\n}\n" +
			"aws {\n  account_id = var.acct\n}\n" + bucket,
			want: []want{errorAt("Invalid account_id", "var.acct", "account_id is written as a number")}},

		{name: "statement account principal as a number", spec: `
bucket "data" {
  name   = "acme-p1-share"
  region = "us-east-1"
  statement "P" {
    principals = { AWS = [012345678901] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-p1-share/*"]
  }
}
`, want: []want{errorAt("Invalid principals", "{ AWS = [012345678901] }", `AWS "12345678901"`,
			"An account id written as a number (without quotes) loses its leading zeros")}},

		// F-cascade
		{name: "misspelt required attribute", spec: `
bucket "data" {
  name   = "acme-t1"
  regoin = "us-east-1"
}
`, want: []want{errorAt("Unsupported argument", "regoin", `Did you mean "region"?`)}},
		{name: "misspelt trusted_account_id", spec: bucket + `
grant "p" {
  bucket      = bucket.data
  permissions = ["read"]
  cross_account_role {
    name              = "r"
    trusted_acount_id = "444455556666"
    external_id       = "7f3e2a91-5c4d-4b8e-9a1f-2d6c8e0b4a73"
  }
}
`, want: []want{errorAt("Unsupported argument", "trusted_acount_id", `Did you mean "trusted_account_id"?`)}},
		{name: "required attribute missing in another block than the misspelt one", spec: `
bucket "data" {
  name   = "acme-t1"
  regoin = "us-east-1"
}
bucket "more" {
  name = "acme-t2"
}
`, want: []want{errorAt("Unsupported argument", "regoin", `Did you mean "region"?`),
			errorAt("Missing required argument", `bucket "more"`, `The argument "region" is required`)}},
		{name: "lifecycle action of the wrong type", spec: `
bucket "data" {
  name   = "acme-t1"
  region = "us-east-1"
  lifecycle_rule "r" {
    expiration_days = "30d"
  }
}
`, want: []want{errorAt("Incorrect attribute value type", `"30d"`, "a number is required")}},
		{name: "lifecycle rule without an action", spec: `
bucket "data" {
  name   = "acme-t1"
  region = "us-east-1"
  lifecycle_rule "r" {
    enabled = "maybe"
  }
}
`, want: []want{errorAt("Incorrect attribute value type", `"maybe"`, "a bool"),
			errorAt("Empty lifecycle rule", `lifecycle_rule "r"`, "has no action")}},

		{name: "misspelt revoked principal", spec: bucket + "revoked_grant \"x\" {\n  iam_usr = \"a\"\n}\n",
			want: []want{errorAt("Unsupported argument", "iam_usr", `Did you mean "iam_user"?`)}},
		{name: "revoked principal of the wrong type", spec: bucket + "revoked_grant \"x\" {\n  iam_user = [\"a\"]\n}\n",
			want: []want{errorAt("Incorrect attribute value type", `["a"]`, "a string is required")}},
		{name: "statement actions misspelt", spec: `
bucket "data" {
  name   = "acme-p1-share"
  region = "us-east-1"
  statement "P" {
    principals = { AWS = ["arn:aws:iam::444455556666:root"] }
    actoins    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-p1-share/*"]
  }
}
`, want: []want{errorAt("Unsupported argument", "actoins", `Did you mean "actions"?`)}},

		// F-list-range
		{name: "invalid permissions point at their elements", spec: bucket + `
grant "p" {
  bucket      = bucket.data
  permissions = ["Read", "LIST"]
  iam_user { name = "p" }
}
`, want: []want{errorAt("Invalid permission", `"Read"`, `Did you mean "read"?`),
			errorAt("Invalid permission", `"LIST"`, `Did you mean "list"?`)}},
		{name: "invalid extra action points at its element", spec: bucket + `
grant "p" {
  bucket        = bucket.data
  permissions   = ["read"]
  extra_actions = [
    "s3:GetObjectVersion",
    "s3:GetObjects",
  ]
  iam_user { name = "p" }
}
`, want: []want{errorAt("Unknown action", `"s3:GetObjects"`, `Did you mean "s3:GetObject"?`)}},
		{name: "list not written as a literal points at the list", spec: bucket + `
locals {
  perms = ["read", "LIST"]
}
grant "p" {
  bucket      = bucket.data
  permissions = local.perms
  iam_user { name = "p" }
}
`, want: []want{errorAt("Invalid permission", "local.perms", `Did you mean "list"?`)}},

		// F-tfvars-mask
		{name: "undeclared variable in a var file says its value is hidden", spec: bucket, varFile: "extra = 1\n",
			want: []want{{hcl.DiagWarning, "Value for undeclared variable", "extra", []string{
				`sets "extra"`, "Its value is not shown: a variable file may hold secrets."}}}},

		// F-unused-required
		{name: "required variable nothing refers to", spec: bucket + `
variable "beta_external_id" {
  type      = string
  sensitive = true
}
revoked_grant "beta" {
  cross_account_role = "beta-shared-data"
}
`, want: []want{{hcl.DiagWarning, "Unused variable", `variable "beta_external_id"`, []string{
			"nothing in the spec refers to it (var.beta_external_id)", "remove its variable block"}}}},
		{name: "required variable that is referred to", spec: `
variable "region" {
  type = string
}
bucket "data" {
  name   = "acme-t1"
  region = var.region
}
`, want: []want{errorAt("No value for required variable", `variable "region"`, "-var 'region=VALUE'")}},
		{name: "required variable referred to by a local", spec: `
variable "region" {
  type = string
}
locals {
  region = var.region
}
bucket "data" {
  name   = "acme-t1"
  region = "us-east-1"
}
`, want: []want{errorAt("No value for required variable", `variable "region"`, "-var 'region=VALUE'")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeSpec(t, map[string]string{"main.hcl": tc.spec, "v.tfvars": tc.varFile})
			var opts Options
			if tc.varFile != "" {
				opts.VarFiles = []string{filepath.Join(dir, "v.tfvars")}
			}
			loaded, diags := Load(dir, opts)
			type got struct {
				Severity         hcl.DiagnosticSeverity
				Summary, Subject string
			}
			var gots, wants []got
			for _, w := range tc.want {
				wants = append(wants, got{w.severity, w.summary, w.subject})
			}
			for _, d := range diags {
				g := got{Severity: d.Severity, Summary: d.Summary}
				if d.Subject != nil && loaded.Files[d.Subject.Filename] != nil {
					src := loaded.Files[d.Subject.Filename].Bytes // masked as for snippets
					g.Subject = string(src[d.Subject.Start.Byte:d.Subject.End.Byte])
				}
				gots = append(gots, g)
			}
			if diff := cmp.Diff(wants, gots); diff != "" {
				t.Fatalf("diagnostics differ (-want +got):\n%s\nfull:\n%s", diff, diagText(diags))
			}
			for i, w := range tc.want {
				for _, part := range w.detail {
					if !strings.Contains(diags[i].Detail, part) {
						t.Errorf("%s: detail %q lacks %q", w.summary, diags[i].Detail, part)
					}
				}
			}
		})
	}
}

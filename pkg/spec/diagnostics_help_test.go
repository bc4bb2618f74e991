package spec

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDiagnosticHelp checks where diagnostics point, their "Did you mean"
// suggestions and that they say what to do.
func TestDiagnosticHelp(t *testing.T) {
	statement := func(body string) string {
		return `
bucket "data" {
  name   = "teramot-review-data"
  region = "us-east-1"
  statement "S1" {
    principals = { AWS = ["arn:aws:iam::444455556666:role/x"] }
    ` + body + `
  }
}
`
	}
	role := func(attr string) string {
		return reviewBucket + grantWith("g", `cross_account_role {
    name               = "r"
    trusted_account_id = "444455556666"
    external_id        = "Zq8xLm3PvR7tK2wN"
    `+attr+`
  }`)
	}
	tags := "tags = {\n"
	for i := 0; i < 51; i++ {
		tags += "    k" + itoa(i) + " = \"v\"\n"
	}
	tags += "  }"
	tests := []diagCase{
		{
			name: "undeclared variable points at its name",
			spec: `variable "company" { default = "acme" }
bucket "data" {
  name   = "teramot-${var.compnay}"
  region = "us-east-1"
}`,
			want: []wantDiag{{summary: "Reference to undeclared input variable", subject: "compnay",
				detail: []string{`Did you mean "company"?`}}},
		},
		{
			name: "undeclared local and bucket point at their names",
			spec: `locals {
  a = local.nme
  b = bucket.dta.name
}
` + reviewBucket,
			want: []wantDiag{
				{summary: "Reference to undeclared local value", subject: "nme"},
				{summary: "Reference to undeclared bucket", subject: "dta", detail: []string{`Did you mean "data"?`}},
			},
		},
		{
			name: "unknown reference root points at the root",
			spec: "locals {\n  a = locl.q\n}\n" + reviewBucket,
			want: []wantDiag{{summary: "Unknown reference", subject: "locl", detail: []string{`Did you mean "local"?`}}},
		},
		{
			name: "misspelt bucket attribute",
			spec: "locals {\n  x = bucket.data.nmae\n}\n" + reviewBucket,
			want: []wantDiag{{summary: "Unsupported attribute", subject: "nmae",
				detail: []string{`"arn", "label", "name", "region"`, `Did you mean "name"?`}}},
		},
		{
			name: "grant bucket reference points at the label",
			spec: reviewBucket + "grant \"g\" {\n  bucket = bucket.dat\n  permissions = [\"read\"]\n  iam_user { name = \"u\" }\n}\n",
			want: []wantDiag{{summary: "Reference to undeclared bucket", subject: "dat", detail: []string{`Did you mean "data"?`}}},
		},
		{
			name: "actions and not_actions",
			spec: statement(`actions = ["s3:GetObject"]
    not_actions = ["s3:PutObject"]
    resources = ["arn:aws:s3:::teramot-review-data/*"]`),
			want: []wantDiag{{summary: "Invalid statement actions", subject: "not_actions",
				detail: []string{"this one has both", "Remove not_actions"}}},
		},
		{
			name: "neither actions nor not_actions",
			spec: statement(`resources = ["arn:aws:s3:::teramot-review-data/*"]`),
			want: []wantDiag{{summary: "Invalid statement actions", subject: `statement "S1"`,
				detail: []string{"Add actions"}}},
		},
		{
			name: "misspelt type keyword",
			spec: "variable \"v\" {\n  type = strin\n  default = \"x\"\n}\n" + reviewBucket,
			want: []wantDiag{{summary: "Invalid type specification", subject: "strin", detail: []string{`Did you mean "string"?`}}},
		},
		{
			name: "partition prefers the value holding the input",
			spec: "aws {\n  partition = \"aws-gov\"\n}\n" + reviewBucket,
			want: []wantDiag{{summary: "Invalid partition", subject: `"aws-gov"`, detail: []string{`Did you mean "aws-us-gov"?`}}},
		},
		{
			name: "trusted principal in another case",
			spec: role(`trusted_principal = "Root"`),
			want: []wantDiag{{summary: "Invalid trusted principal", subject: `"Root"`, detail: []string{`Did you mean "root"?`}}},
		},
		{
			name: "clock, random and environment functions",
			spec: "locals {\n  a = timestamp()\n  b = uuid()\n  c = env(\"HOME\")\n}\n" + reviewBucket,
			want: []wantDiag{
				{summary: "Call to unknown function", subject: "timestamp", detail: []string{"no clock, random or environment functions", "pass the value as a variable"}},
				{summary: "Call to unknown function", subject: "uuid", detail: []string{"pass the value as a variable"}},
				{summary: "Call to unknown function", subject: "env", detail: []string{"pass the value as a variable"}},
			},
		},
		{
			name: "count and dynamic",
			spec: `bucket "data" {
  name   = "teramot-review-data"
  region = "us-east-1"
  count  = 2
  dynamic "statement" {
    for_each = ["A"]
    content {}
  }
}`,
			want: []wantDiag{
				{summary: "Unsupported argument", subject: "count", detail: []string{"teramotc has no count or for_each", "one block for each"}},
				{summary: "Unsupported block type", subject: "dynamic", detail: []string{"teramotc has no dynamic blocks", "write each nested block out"}},
			},
		},
		{
			name: "too many tags",
			spec: "bucket \"data\" {\n  name   = \"teramot-review-data\"\n  region = \"us-east-1\"\n  " + tags + "\n}\n",
			want: []wantDiag{{summary: "Too many tags", subject: strings.TrimPrefix(tags, "tags = "), detail: []string{"has 51 tags", "Remove or merge 1 of them"}}},
		},
		{
			name: "environment value of the wrong type",
			spec: "variable \"days\" {\n  type = number\n  default = 1\n}\n" + reviewBucket,
			env:  []string{"TERAMOTC_VAR_days=thirty"},
			want: []wantDiag{{summary: "Invalid value for variable", detail: []string{`"days"`, "environment variable TERAMOTC_VAR_days", "number"}}},
		},
		{
			name: "one-character trail name",
			spec: reviewBucket + "trail \"t\" {\n  bucket = bucket.data\n  log_bucket = \"teramot-review-logs\"\n}\n",
			want: []wantDiag{{summary: "Invalid trail name", subject: `trail "t"`, detail: []string{"it is 1 character long;"}}},
		},
		{
			name: "resources outside the bucket are quoted",
			spec: statement(`actions = ["s3:GetObject"]
    resources = ["", "arn:aws:s3:::other/*"]`),
			want: []wantDiag{{summary: "Resource outside the bucket", subject: `["", "arn:aws:s3:::other/*"]`,
				detail: []string{`not "", "arn:aws:s3:::other/*".`}}},
		},
		{
			name: "empty principal is quoted",
			spec: `
bucket "data" {
  name   = "teramot-review-data"
  region = "us-east-1"
  statement "S1" {
    principals = { AWS = [""] }
    actions = ["s3:GetObject"]
    resources = ["arn:aws:s3:::teramot-review-data/*"]
  }
}
`,
			want: []wantDiag{{summary: "Invalid principals", subject: `{ AWS = [""] }`, detail: []string{`(AWS "")`}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkDiags(t, tc) })
	}
}

// TestConfigFileIsNotASpec: passing .teramotc.hcl itself says to pass the
// directory.
func TestConfigFileIsNotASpec(t *testing.T) {
	dir := writeSpec(t, map[string]string{ConfigFileName: "rules {}\n", "main.hcl": minimalBucket})
	_, diags := Load(filepath.Join(dir, ConfigFileName), Options{})
	if len(diags) != 1 || diags[0].Summary != "Not a spec file" {
		t.Fatalf("want one \"Not a spec file\" error, got:\n%s", diagText(diags))
	}
	for _, part := range []string{"lint configuration file", "Pass the spec directory", dir} {
		if !strings.Contains(diags[0].Detail, part) {
			t.Errorf("detail %q does not contain %q", diags[0].Detail, part)
		}
	}
}

// TestCRLFHeredocs: a spec with CRLF line endings evaluates to the same
// values as with LF, with positions that still count columns correctly.
func TestCRLFHeredocs(t *testing.T) {
	lf := `bucket "data" {
  name   = "teramot-review-data"
  region = "us-east-1"
  tags = {
    a = <<-EOT
      hello
      world
    EOT
    b = <<EOT
%{ if true }yes%{ endif }
EOT
    c = "esc\r\n"
  }
  statement "S1" {
    principals = { AWS = ["arn:aws:iam::444455556666:role/x"] }
    actions    = ["s3:GetObject"]
    resources  = [<<EOT
arn:aws:s3:::teramot-review-data/*
EOT
    ]
  }
}
`
	load := func(src string) *Spec {
		return loadTagText(t, writeSpec(t, map[string]string{"main.hcl": src}), Options{})
	}
	want, got := load(lf), load(strings.ReplaceAll(lf, "\n", "\r\n"))
	tags := func(s *Spec) map[string]string {
		m := map[string]string{}
		for _, e := range s.Buckets[0].Tags.Entries {
			m[e.Key] = e.Value
		}
		return m
	}
	if diff := cmp.Diff(map[string]string{"a": "hello\nworld\n", "b": "yes\n", "c": "esc\r\n"}, tags(got)); diff != "" {
		t.Errorf("CRLF tags (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(tags(want), tags(got)); diff != "" {
		t.Errorf("LF and CRLF tags differ (-LF +CRLF):\n%s", diff)
	}
	if diff := cmp.Diff(want.Buckets[0].Statements[0].Resources.Value, got.Buckets[0].Statements[0].Resources.Value); diff != "" {
		t.Errorf("LF and CRLF resources differ (-LF +CRLF):\n%s", diff)
	}
	lr, cr := want.Buckets[0].Statements[0].Resources.Range, got.Buckets[0].Statements[0].Resources.Range
	if lr.Start.Line != cr.Start.Line || lr.Start.Column != cr.Start.Column || lr.End.Line != cr.End.Line {
		t.Errorf("resources range with CRLF %v, with LF %v: want the same lines and columns", cr, lr)
	}
}

// TestVarFileUnreadable: a -var-file that cannot be read is named in the
// detail, under a terse summary and without a source location.
func TestVarFileUnreadable(t *testing.T) {
	dir := writeSpec(t, map[string]string{"main.hcl": minimalBucket})
	missing := filepath.Join(t.TempDir(), "missing.tfvars")
	tests := []struct {
		name, path string
		detail     []string
	}{
		{"missing", missing, []string{"The -var-file " + missing + " cannot be read", "no such file or directory", "Check the path"}},
		{"directory", dir, []string{"The -var-file " + dir + " is not a regular file", "NAME = VALUE"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := Load(dir, Options{Args: []VarArg{{File: true, Value: tc.path}}})
			if len(diags) != 1 || diags[0].Summary != "Cannot read variable file" || diags[0].Subject != nil {
				t.Fatalf("want one \"Cannot read variable file\" error without a subject, got:\n%s", diagText(diags))
			}
			for _, part := range tc.detail {
				if !strings.Contains(diags[0].Detail, part) {
					t.Errorf("detail %q does not contain %q", diags[0].Detail, part)
				}
			}
		})
	}
}

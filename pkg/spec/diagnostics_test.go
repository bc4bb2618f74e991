package spec

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// wantDiag is one expected error: its summary, the source text its subject
// covers ("" for no subject), the file it is in (main.hcl when empty; a
// name of varFiles for a variable file) and parts of its detail.
type wantDiag struct {
	summary, subject, file string
	detail                 []string
}

type diagCase struct {
	name     string
	spec     string            // main.hcl
	varFiles map[string]string // written outside the spec, given as -var-file in name order
	env      []string
	want     []wantDiag // exactly these errors, in any order
}

// checkDiags loads the case's spec and compares its error diagnostics
// with want; it returns the loaded spec (nil on errors).
func checkDiags(t *testing.T, tc diagCase) *Loaded {
	t.Helper()
	dir := writeSpec(t, map[string]string{"main.hcl": tc.spec})
	vdir := t.TempDir()
	opts := Options{Environ: tc.env}
	paths := map[string]string{"": filepath.Join(dir, "main.hcl")}
	for _, name := range keys(tc.varFiles) {
		p := filepath.Join(vdir, name)
		if err := os.WriteFile(p, []byte(tc.varFiles[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths[name] = p
		opts.Args = append(opts.Args, VarArg{File: true, Value: p})
	}
	loaded, diags := Load(dir, opts)
	var errs hcl.Diagnostics
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			errs = append(errs, d)
		}
	}
	used := make([]bool, len(errs))
	for _, w := range tc.want {
		found := false
		for i, d := range errs {
			if used[i] || d.Summary != w.summary || subjectText(t, d) != w.subject ||
				w.subject != "" && d.Subject.Filename != paths[w.file] {
				continue
			}
			used[i], found = true, true
			for _, part := range w.detail {
				if !strings.Contains(d.Detail, part) {
					t.Errorf("%q at %q: detail %q does not contain %q", w.summary, w.subject, d.Detail, part)
				}
			}
			break
		}
		if !found {
			t.Errorf("no error %q at %q in %q; got:\n%s", w.summary, w.subject, paths[w.file], diagSubjects(t, errs))
		}
	}
	for i, d := range errs {
		if !used[i] {
			t.Errorf("unexpected error %q at %q: %s", d.Summary, subjectText(t, d), d.Detail)
		}
	}
	return loaded
}

// subjectText is the source text a diagnostic's subject covers.
func subjectText(t *testing.T, d *hcl.Diagnostic) string {
	t.Helper()
	if d.Subject == nil {
		return ""
	}
	src, err := os.ReadFile(d.Subject.Filename)
	if err != nil || d.Subject.End.Byte > len(src) {
		return "(unreadable " + d.Subject.String() + ")"
	}
	return string(src[d.Subject.Start.Byte:d.Subject.End.Byte])
}

func diagSubjects(t *testing.T, diags hcl.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString("  " + d.Summary + " at " + subjectText(t, d) + ": " + d.Detail + "\n")
	}
	return b.String()
}

const reviewBucket = `
bucket "data" {
  name   = "teramot-review-data"
  region = "us-east-1"
}
`

func grantWith(label, identity string) string {
	return `
grant "` + label + `" {
  bucket      = bucket.data
  permissions = ["read"]
  ` + identity + `
}
`
}

// TestDuplicateIAMNames: two grants may not create the same IAM user, role
// or managed policy, compared case-insensitively and with default policy
// names included.
func TestDuplicateIAMNames(t *testing.T) {
	tests := []diagCase{
		{
			name: "shared policy name",
			spec: reviewBucket +
				grantWith("g1", `iam_user {
    name        = "u1"
    policy_name = "shared-policy"
  }`) + grantWith("g2", `iam_user {
    name        = "u2"
    policy_name = "shared-policy"
  }`),
			want: []wantDiag{{summary: "Duplicate IAM policy name", subject: `"shared-policy"`,
				detail: []string{`grant.g2 names its managed policy "shared-policy"`, "grant.g1", "main.hcl:12,", "overwrite"}}},
		},
		{
			name: "policy name equal to an earlier default",
			spec: reviewBucket +
				grantWith("g3", `iam_user { name = "u3" }`) +
				grantWith("g4", `iam_user {
    name        = "u4"
    policy_name = "G3-s3-access"
  }`),
			want: []wantDiag{{summary: "Duplicate IAM policy name", subject: `"G3-s3-access"`,
				detail: []string{`grant.g3 already names its policy "g3-s3-access" (the default`}}},
		},
		{
			name: "default equal to an earlier policy name",
			spec: reviewBucket +
				grantWith("g4", `cross_account_role {
    name               = "r4"
    trusted_account_id = "444455556666"
    external_id        = "Zq8xLm3PvR7tK2wN"
    policy_name        = "g3-s3-access"
  }`) + grantWith("g3", `iam_user { name = "u3" }`),
			want: []wantDiag{{summary: "Duplicate IAM policy name", subject: `iam_user`,
				detail: []string{`grant.g3 names its managed policy "g3-s3-access" (the default`}}},
		},
		{
			name: "user names differing in case",
			spec: reviewBucket + grantWith("a", `iam_user { name = "Alice" }`) + grantWith("b", `iam_user { name = "alice" }`),
			want: []wantDiag{{summary: "Duplicate IAM user", subject: `"alice"`,
				detail: []string{`grant.b creates the IAM user "alice", which grant.a already creates as "Alice"`, "main.hcl:10,"}}},
		},
		{
			name: "role names differing in case",
			spec: reviewBucket +
				grantWith("a", `cross_account_role {
    name               = "R1"
    trusted_account_id = "444455556666"
    external_id        = "Zq8xLm3PvR7tK2wN"
  }`) + grantWith("b", `cross_account_role {
    name               = "r1"
    trusted_account_id = "444455556666"
    external_id        = "Zq8xLm3PvR7tK2wN"
  }`),
			want: []wantDiag{{summary: "Duplicate IAM role", subject: `"r1"`, detail: []string{`as "R1"`}}},
		},
		{
			name: "a user and a role may share a name",
			spec: reviewBucket + grantWith("a", `iam_user { name = "partner" }`) +
				grantWith("b", `cross_account_role {
    name               = "partner"
    trusted_account_id = "444455556666"
    external_id        = "Zq8xLm3PvR7tK2wN"
  }`),
		},
		{
			name: "distinct names",
			spec: reviewBucket + grantWith("a", `iam_user { name = "u1" }`) + grantWith("b", `iam_user { name = "u2" }`),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkDiags(t, tc) })
	}
}

// TestNullable: nullable = false replaces a null value by the default, and
// is an error without one, at the line that gave null.
func TestNullable(t *testing.T) {
	spec := `
variable "b" {
  type     = string
  nullable = false
  default  = "dflt"
}
variable "n" {
  type    = string
  default = "dflt"
}
bucket "data" {
  name   = "teramot-review-data"
  region = "us-east-1"
  tags   = { b = var.b, n = coalesce(var.n, "was-null") }
}
`
	loaded := checkDiags(t, diagCase{name: "null takes the default", spec: spec,
		varFiles: map[string]string{"a.tfvars": "b = null\nn = null\n"}})
	if loaded.Spec == nil {
		t.Fatal("no spec")
	}
	got := map[string]string{}
	for _, e := range loaded.Spec.Buckets[0].Tags.Entries {
		got[e.Key] = e.Value
	}
	if got["b"] != "dflt" || got["n"] != "was-null" {
		t.Errorf("tags = %v, want b=dflt (non-nullable takes its default) and n=was-null (nullable stays null)", got)
	}
	tests := []diagCase{
		{
			name: "null without a default",
			spec: `
variable "c" {
  type     = string
  nullable = false
}
` + reviewBucket,
			varFiles: map[string]string{"c.tfvars": "# values\nc = null\n"},
			want: []wantDiag{{summary: "Invalid value for variable", subject: "null", file: "c.tfvars",
				detail: []string{`"c" is declared with nullable = false`, "a -var-file"}}},
		},
		{
			name: "null default",
			spec: `
variable "c" {
  type     = string
  nullable = false
  default  = null
}
` + reviewBucket,
			want: []wantDiag{{summary: "Invalid default value for variable", subject: "null",
				detail: []string{"nullable = false"}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkDiags(t, tc) })
	}
}

// TestValidationReferences: a validation condition may refer only to its
// own variable; every other reference gets the same diagnostic at itself.
func TestValidationReferences(t *testing.T) {
	variable := func(cond string) string {
		return `
variable "a" {
  type    = string
  default = "x"
  validation {
    condition     = ` + cond + `
    error_message = "Bad a."
  }
}
variable "b" {
  type    = string
  default = "y"
}
locals { l = "q" }
` + reviewBucket
	}
	want := func(subject string) []wantDiag {
		return []wantDiag{{summary: "Invalid reference in variable validation", subject: subject,
			detail: []string{"may refer only to var.a"}}}
	}
	tests := []diagCase{
		{name: "another variable", spec: variable(`var.a != var.b`), want: want("var.b")},
		{name: "a local", spec: variable(`local.l == "q"`), want: want("local.l")},
		{name: "a bucket", spec: variable(`var.a != bucket.data.name`), want: want("bucket.data.name")},
		{name: "its own variable", spec: variable(`length(var.a) == 1`)},
		{
			name: "its own variable fails",
			spec: variable(`var.a == "z"`),
			want: []wantDiag{{summary: "Invalid value for variable", subject: `"x"`, detail: []string{"Bad a."}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkDiags(t, tc) })
	}
}

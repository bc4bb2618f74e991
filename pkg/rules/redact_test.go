package rules

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/spec"
)

// exfiltrate is a custom rule that tries to print every sensitive value of
// its input: in its message, its address and its range's file name, and
// every string of the grants and bucket statements in one message.
const exfiltrate = `# METADATA
# title: Exfiltrate
# description: Prints what it should not.
# custom:
#   id: EVIL001
#   name: exfiltrate
#   severity: error
#   remediation: None.
package teramotc.rules.exfiltrate

deny contains {"msg": sprintf("value %v", [v])} if {
	walk(input, [_, a])
	a.sensitive == true
	v := a.value
}

deny contains {"msg": "in the address and file", "address": sprintf("x.%v", [v]), "range": {"filename": v, "start": {"line": 1, "column": 1}, "end": {"line": 1, "column": 2}}} if {
	walk(input, [_, a])
	a.sensitive == true
	v := a.value
	is_string(v)
}

deny contains {"msg": sprintf("everything: %v %v", [input.grants, input.buckets[_].statements])} if true
`

// TestFindingsRedacted: no finding of a built-in or custom rule quotes a
// value given to a sensitive variable or derived from one, in message,
// address or file name; the same spec with the variables not sensitive
// still names them (the test can fail).
func TestFindingsRedacted(t *testing.T) {
	const (
		principal = "arn:aws:iam::444455556666:role/S3cretPartnerRole"
		action    = "s3:PutBucketAcl"
		externID  = "ext-Zq8v2LmN4pR7tX1c"
	)
	policyDir := writePolicyDir(t, map[string]string{"evil.rego": exfiltrate})
	set, err := Load(context.Background(), Options{PolicyDirs: []string{policyDir}})
	if err != nil {
		t.Fatal(err)
	}
	specSrc := func(sensitive bool) string {
		return `aws {
  account_id = "111122223333"
}

variable "partner" {
  type      = string
  sensitive = ` + map[bool]string{true: "true", false: "false"}[sensitive] + `
}

variable "act" {
  type      = string
  sensitive = ` + map[bool]string{true: "true", false: "false"}[sensitive] + `
  default   = "` + action + `"
}

variable "external_id" {
  type      = string
  sensitive = ` + map[bool]string{true: "true", false: "false"}[sensitive] + `
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "Partner" {
    principals = { AWS = [var.partner] }
    actions    = ["s3:PutBucketPolicy", "s3:Get*", var.act]
    resources  = ["arn:aws:s3:::acme-shared-data", "arn:aws:s3:::acme-shared-data/*"]
  }
}

grant "partner" {
  bucket        = bucket.data
  permissions   = ["read"]
  extra_actions = [var.act]

  cross_account_role {
    name               = "partner-access"
    trusted_account_id = "444455556666"
    trusted_principal  = var.partner
    external_id        = "${var.external_id}-x"
  }
}
`
	}
	secrets := []string{principal, "S3cretPartnerRole", action, externID}
	for _, sensitive := range []bool{true, false} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(specSrc(sensitive)), 0o644); err != nil {
			t.Fatal(err)
		}
		opts := LintOptions{Spec: spec.Options{Vars: []string{"partner=" + principal, "external_id=" + externID}}}
		res := set.Lint(context.Background(), []string{dir}, opts)[0]
		if res.Diagnostics.HasErrors() {
			t.Fatalf("errors: %s", diagText(res))
		}
		fired := map[string]bool{}
		var all strings.Builder
		for _, f := range res.Findings {
			fired[f.Rule.ID] = true
			all.WriteString(f.Rule.ID + " " + f.Message + " " + f.Address + " " + f.Range.Filename + "\n")
		}
		for _, id := range []string{"TMC105", "TMC501", "TMC505", "EVIL001"} {
			if !fired[id] {
				t.Errorf("sensitive=%v: %s did not fire:\n%s", sensitive, id, all.String())
			}
		}
		text := all.String()
		for _, s := range secrets {
			if got := strings.Contains(text, s); got == sensitive {
				t.Errorf("sensitive=%v: findings hold %q: %v, want %v\n%s", sensitive, s, got, !sensitive, text)
			}
		}
		if sensitive && !strings.Contains(text, "(sensitive value)") {
			t.Errorf("no finding says (sensitive value):\n%s", text)
		}
	}
}

// TestEvalFailureRedacted: an evaluation error that quotes a sensitive value
// (here a custom rule's malformed finding, whose message is the value) is
// redacted too.
func TestEvalFailureRedacted(t *testing.T) {
	const principal = "arn:aws:iam::444455556666:role/S3cretPartnerRole"
	policyDir := t.TempDir()
	src := `# METADATA
# title: Broken
# description: Writes a malformed finding.
# custom:
#   id: EVIL002
#   name: broken
#   severity: error
#   remediation: None.
package teramotc.rules.broken

deny contains {"msg": sprintf("%v", [a.value]), "range": "nowhere"} if {
	walk(input, [_, a])
	a.sensitive == true
}
`
	if err := os.WriteFile(filepath.Join(policyDir, "broken.rego"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := Load(context.Background(), Options{PolicyDirs: []string{policyDir}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	spec := `variable "partner" {
  type      = string
  sensitive = true
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
  statement "P" {
    principals = { AWS = [var.partner] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
  }
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	res := set.Lint(context.Background(), []string{dir}, LintOptions{Spec: specOptions("partner=" + principal)})[0]
	text := diagText(res)
	if !strings.Contains(text, "Policy evaluation failed") || !strings.Contains(text, "(sensitive value)") {
		t.Fatalf("want an evaluation error with (sensitive value), got:\n%s", text)
	}
	if strings.Contains(text, "S3cretPartnerRole") {
		t.Errorf("the evaluation error quotes the sensitive value:\n%s", text)
	}
}

func specOptions(vars ...string) spec.Options { return spec.Options{Vars: vars} }

// writePolicyDir writes the Rego source files (name to source) to a new
// directory, a user's --policy DIR, and returns it.
func writePolicyDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

package apply

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/spec"
)

// A stale plan's refusal says what differs when both sides record the
// spec's files: the files that changed, else the variables' values
// (review-adopt F-plan-stale-msg: an edited main.hcl blamed the variables).
func TestCheckDesiredSpecFiles(t *testing.T) {
	saved := &Plan{FormatVersion: PlanFormat, DesiredFingerprint: "a"}
	fresh := &Plan{FormatVersion: PlanFormat, DesiredFingerprint: "b"}
	files := func(kv ...string) map[string]string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	env := []string{"TERAMOTC_VAR_x"}
	tests := []struct {
		name     string
		was, now *PlanInputs
		summary  string
		detail   string
		notIn    string
	}{
		{"edited file, same variables",
			&PlanInputs{Env: env, SpecFiles: files("main.hcl", "1", "vars.hcl", "2")},
			&PlanInputs{Env: env, SpecFiles: files("main.hcl", "3", "vars.hcl", "2")},
			`the spec's file "main.hcl" changed since the plan was made`, "Apply the plan file with the spec as it was, or plan again.", "TERAMOTC_VAR_x"},
		{"file added and removed",
			&PlanInputs{SpecFiles: files("a.hcl", "1", "b.hcl", "2")},
			&PlanInputs{SpecFiles: files("b.hcl", "2", "c.hcl", "3")},
			`the spec's files "a.hcl", "c.hcl" changed since the plan was made`, "plan again", ""},
		{"same files, variables",
			&PlanInputs{Env: env, SpecFiles: files("main.hcl", "1")},
			&PlanInputs{Env: env, SpecFiles: files("main.hcl", "1")},
			"the variables' values differ from the plan's (the spec's files are unchanged)", "The plan was made with TERAMOTC_VAR_x", ""},
		{"same files, no variables",
			&PlanInputs{SpecFiles: files("main.hcl", "1")},
			&PlanInputs{SpecFiles: files("main.hcl", "1")},
			"the spec renders otherwise than when the plan was made, though its files are unchanged", "A file the spec reads", "variables"},
		{"old plan file",
			&PlanInputs{Env: env},
			&PlanInputs{Env: env, SpecFiles: files("main.hcl", "1")},
			"the spec or its variables' values differ from the plan's", "The plan was made with TERAMOTC_VAR_x", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := (&SavedPlan{Inputs: tc.was, Plan: saved}).Check(fresh, tc.now)
			var p *Problem
			if !errors.As(err, &p) || !errors.Is(err, ErrStalePlan) {
				t.Fatalf("Check = %v, want a stale-plan problem", err)
			}
			if p.Summary != tc.summary {
				t.Errorf("summary %q, want %q", p.Summary, tc.summary)
			}
			if !strings.Contains(p.Detail, tc.detail) {
				t.Errorf("detail %q lacks %q", p.Detail, tc.detail)
			}
			if tc.notIn != "" && strings.Contains(p.Summary+p.Detail, tc.notIn) {
				t.Errorf("%q / %q names %q", p.Summary, p.Detail, tc.notIn)
			}
		})
	}
}

// The hashes are of the files as printed: two specs that differ only in the
// value of a sensitive variable's default hash the same (the hash confirms
// no guess of it), and any other edit changes the file's hash. A -var-file
// is not a spec file.
func TestRecordSpecFiles(t *testing.T) {
	const spec1 = `variable "ext" {
  sensitive = true
  default   = "%s"
}
bucket "b" {
  name   = "%s"
  region = "us-east-1"
}
`
	hashes := func(secret, name string) map[string]string {
		t.Helper()
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(fmt.Sprintf(spec1, secret, name)), 0o600); err != nil {
			t.Fatal(err)
		}
		vf := filepath.Join(dir, "v.tfvars")
		if err := os.WriteFile(vf, []byte("ext = \""+secret+"\"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		loaded, diags := spec.Load(dir, spec.Options{VarFiles: []string{vf}})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		in := &PlanInputs{}
		in.RecordSpecFiles(loaded, []string{vf})
		return in.SpecFiles
	}
	a := hashes("tmc-aaaaaaaa", "acme-one")
	if len(a) != 1 || a["main.hcl"] == "" {
		t.Fatalf("SpecFiles = %v, want main.hcl alone", a)
	}
	if b := hashes("tmc-bbbbbbbb", "acme-one"); b["main.hcl"] != a["main.hcl"] {
		t.Errorf("another sensitive value changes the hash: it would confirm a guess")
	}
	if c := hashes("tmc-aaaaaaaa", "acme-two"); c["main.hcl"] == a["main.hcl"] {
		t.Errorf("an edit of the bucket name leaves the hash as it was")
	}
}

// TestRecordSpecFilesLiteralExternalID (review-diff6b F10): an external id
// written literally in the spec, not from a sensitive variable, is masked
// in the plan file, so its spec file hash must not confirm a guess of it
// either: two specs that differ only in it hash the same. Any other edit
// of the grant still changes the hash.
func TestRecordSpecFilesLiteralExternalID(t *testing.T) {
	const grant = `bucket "b" {
  name   = "acme-one"
  region = "us-east-1"
  statement "Partner" {
    principals = { AWS = ["arn:aws:iam::444455556666:root"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-one/*"]
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = ["%s"]
    }
  }
}
grant "p" {
  bucket      = bucket.b
  permissions = ["read"]
  cross_account_role {
    name               = "%s"
    trusted_account_id = "444455556666"
    external_id        = "%s"
  }
}
`
	hash := func(stmtID, role, id string) string {
		t.Helper()
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(fmt.Sprintf(grant, stmtID, role, id)), 0o600); err != nil {
			t.Fatal(err)
		}
		loaded, diags := spec.Load(dir, spec.Options{})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		in := &PlanInputs{}
		in.RecordSpecFiles(loaded, nil)
		return in.SpecFiles["main.hcl"]
	}
	a := hash("Stm7Xid-Aa11Bb22Cc33", "partner", "Lit3ralXid-Qq91Ww82Ee73")
	if a == "" {
		t.Fatal("no hash of main.hcl")
	}
	if b := hash("Stm7Xid-Aa11Bb22Cc33", "partner", "Other9Xid-Zz18Yy27Xx36"); b != a {
		t.Errorf("another literal external_id changes the hash: it would confirm a guess")
	}
	if b := hash("Other8Stm-Zz18Yy27Xx36", "partner", "Lit3ralXid-Qq91Ww82Ee73"); b != a {
		t.Errorf("another literal sts:ExternalId condition value changes the hash: it would confirm a guess")
	}
	if c := hash("Stm7Xid-Aa11Bb22Cc33", "partner2", "Lit3ralXid-Qq91Ww82Ee73"); c == a {
		t.Errorf("an edit of the role name leaves the hash as it was")
	}
}

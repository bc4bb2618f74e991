package apply

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/pkg/spec"
)

// InputsOf names the variables by where their value came from (the last
// argument wins, so an overridden -var is not needed), keeps every
// -var-file as given, and never holds a value.
func TestInputsOf(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("main.hcl", `
variable "company" {}
variable "external_id" {
  sensitive = true
}
variable "region" {}
variable "env" {}
variable "unset" {
  default = "d"
}
bucket "b" {
  name   = "${var.company}-${var.env}-${var.unset}-${var.external_id}"
  region = var.region
}
`)
	vf := write("prod.tfvars", "env = \"prod-from-file\"\ncompany = \"overridden-by-var\"\n")
	opts := spec.Options{
		Args: []spec.VarArg{{Value: "env=overridden-by-file"}, {File: true, Value: vf},
			{Value: "company=acme-company-value"}, {Value: "external_id=secret-external-id-value"}},
		VarFiles: []string{vf},
		Environ:  []string{"TERAMOTC_VAR_region=eu-west-3", "TERAMOTC_VAR_company=env-loses", "OTHER=x"},
	}
	loaded, diags := spec.Load(dir, opts)
	if diags.HasErrors() {
		for _, d := range diags {
			t.Errorf("load: %s: %s", d.Summary, d.Detail)
		}
		t.FailNow()
	}
	got := InputsOf(loaded.Spec, opts.VarFiles, true)
	want := &PlanInputs{SkipLint: true, Vars: []string{"company", "external_id"}, VarFiles: []string{vf}, Env: []string{"TERAMOTC_VAR_region"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("InputsOf (-want +got):\n%s", diff)
	}

	// Saved and read back: the inputs round-trip, and no value is in the file.
	path := filepath.Join(t.TempDir(), "p.plan")
	if err := WritePlanFile(path, &SavedPlan{Spec: dir, Inputs: got, Plan: &Plan{Changes: []*Change{}}}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"secret-external-id-value", "acme-company-value", "eu-west-3", "prod-from-file", "overridden"} {
		if strings.Contains(string(b), v) {
			t.Errorf("plan file holds the value %q:\n%s", v, b)
		}
	}
	sp, ok, err := ParsePlanFile(path, b)
	if !ok || err != nil {
		t.Fatalf("ParsePlanFile: ok=%v err=%v", ok, err)
	}
	if diff := cmp.Diff(want, sp.Inputs); diff != "" {
		t.Errorf("read back (-want +got):\n%s", diff)
	}
}

// Empty inputs are saved with [] arrays (never null), and a plan file
// without "inputs" (saved before they were recorded) still reads, with
// nil inputs that record nothing.
func TestPlanInputsJSON(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.plan")
	if err := WritePlanFile(path, &SavedPlan{Spec: "/s", Inputs: &PlanInputs{}, Plan: &Plan{Changes: []*Change{}}}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"inputs": {
    "skip_lint": false,
    "vars": [],
    "var_files": [],
    "env": []
  }`) {
		t.Errorf("inputs not written with empty arrays:\n%s", b)
	}
	old := strings.Replace(string(b), `"inputs"`, `"inputs_unknown"`, 1)
	sp, ok, err := ParsePlanFile("old.plan", []byte(old))
	if !ok || err != nil {
		t.Fatalf("ParsePlanFile of a file without inputs: ok=%v err=%v", ok, err)
	}
	if sp.Inputs != nil || sp.Inputs.LintSkipped() || sp.Inputs.HasVars() {
		t.Errorf("inputs of a file without them = %+v, want nil", sp.Inputs)
	}
}

// A desired state that differs is refused with what to give apply when
// the plan or apply had variables, naming them (never a value), and with
// the plain "plan again" otherwise.
func TestCheckDesiredInputs(t *testing.T) {
	saved := &Plan{FormatVersion: PlanFormat, DesiredFingerprint: "a"}
	fresh := &Plan{FormatVersion: PlanFormat, DesiredFingerprint: "b"}
	was := &PlanInputs{Vars: []string{"company"}, VarFiles: []string{"prod.tfvars"}, Env: []string{"TERAMOTC_VAR_region"}}
	tests := []struct {
		name     string
		was, now *PlanInputs
		summary  string
		detail   []string // in order
	}{
		{"old file", nil, &PlanInputs{}, "the spec (or its variables) changed since the plan was made",
			[]string{`Run "teramotc plan -out=FILE" again`}},
		{"no variables", &PlanInputs{SkipLint: true}, &PlanInputs{}, "the spec (or its variables) changed since the plan was made",
			[]string{`Run "teramotc plan -out=FILE" again`}},
		{"variables not given", was, &PlanInputs{}, "the spec or its variables' values differ from the plan's",
			[]string{`The plan was made with -var-file "prod.tfvars", -var company=..., TERAMOTC_VAR_region`,
				"give apply the same -var, -var-file and TERAMOTC_VAR_* values as plan",
				`(not given now: -var-file "prod.tfvars", -var company=..., TERAMOTC_VAR_region)`, "or plan again", "Nothing was written."}},
		{"same variables", was, was, "the spec or its variables' values differ from the plan's",
			[]string{"give apply the same -var, -var-file and TERAMOTC_VAR_* values as plan, or plan again"}},
		{"extra variable", &PlanInputs{}, &PlanInputs{Vars: []string{"env"}}, "the spec or its variables' values differ from the plan's",
			[]string{"Apply was given -var env=..., which plan was not: drop them"}},
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
			rest := p.Detail
			for _, d := range tc.detail {
				i := strings.Index(rest, d)
				if i < 0 {
					t.Fatalf("detail %q lacks %q (in order)", p.Detail, d)
				}
				rest = rest[i+len(d):]
			}
			if tc.name == "same variables" && strings.Contains(p.Detail, "not given now") {
				t.Errorf("detail %q says inputs are missing", p.Detail)
			}
		})
	}
}

package rules

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBlanketIgnores: an ignore block that covers every file of the spec
// (no addresses or paths, or a paths glob matching each file) is listed
// with the rule overrides, as Ignored, like a disabled rule; one that
// covers part of the spec, an expired one and one of a disabled rule are
// not.
func TestBlanketIgnores(t *testing.T) {
	set := configTestSet(t)
	const main = `bucket "data" {
  name   = "acme-blanket-data"
  region = "us-east-1"
  statement "CloudFrontRead" {
    principals = { Service = ["cloudfront.amazonaws.com"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-blanket-data/*"]
  }
}
`
	const logs = "bucket \"logs\" {\n  name   = \"acme-blanket-logs\"\n  region = \"us-east-1\"\n}\n"
	ignore := func(id, scope string) string {
		return "ignore \"" + id + "\" {\n" + scope + "\n  reason = \"reviewed in SEC-1\"\n}\n"
	}
	blanket := func(id string) RuleOverride {
		r := set.Rule(id)
		return RuleOverride{ID: id, Default: r.Severity, Severity: r.Severity, Enabled: true,
			Reason: "reviewed in SEC-1", Security: highSecurity(r), Ignored: true}
	}
	tests := []struct {
		name, cfg string
		want      []RuleOverride // Source is filled in
	}{
		{"star", ignore("TMC108", `paths = ["*"]`), []RuleOverride{blanket("TMC108")}},
		{"double star", ignore("TMC108", `paths = ["**"]`), []RuleOverride{blanket("TMC108")}},
		{"every hcl file", ignore("TMC108", `paths = ["logs.hcl", "*.hcl"]`), []RuleOverride{blanket("TMC108")}},
		{"no scope", ignore("TMC108", ""), []RuleOverride{blanket("TMC108")}},
		{"address and star", ignore("TMC108", `addresses = ["bucket.data"]`+"\n"+`paths = ["*"]`), []RuleOverride{blanket("TMC108")}},
		{"not a security rule", ignore("TMC304", `paths = ["*"]`), []RuleOverride{blanket("TMC304")}},
		{"two blocks of one rule listed once", ignore("TMC108", `paths = ["*"]`) + ignore("TMC108", ""), []RuleOverride{blanket("TMC108")}},
		{"with a re-grade", `rule "TMC108" {` + "\n" + `severity = "warning"` + "\n}\n" + ignore("TMC108", `paths = ["*"]`),
			[]RuleOverride{
				{ID: "TMC108", Default: "error", Severity: "warning", Enabled: true, Security: true},
				{ID: "TMC108", Default: "error", Severity: "warning", Enabled: true, Reason: "reviewed in SEC-1", Security: true, Ignored: true},
			}},

		{"one address", ignore("TMC108", `addresses = ["bucket.data"]`), nil},
		{"one of the files", ignore("TMC108", `paths = ["main.hcl"]`), nil},
		{"each file by its own glob", ignore("TMC108", `paths = ["main.hcl", "logs.hcl"]`), nil},
		{"expired", ignore("TMC108", `paths = ["*"]`+"\n"+`until = "2020-01-31"`), nil},
		{"disabled rule", `rule "TMC108" {` + "\n" + `enabled = false` + "\n}\n" + ignore("TMC108", `paths = ["*"]`),
			[]RuleOverride{{ID: "TMC108", Default: "error", Security: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTestFile(t, dir, "main.hcl", main)
			writeTestFile(t, dir, "logs.hcl", logs)
			cfg := writeTestFile(t, dir, ConfigFileName, tt.cfg)
			results := set.Lint(context.Background(), []string{dir}, LintOptions{})
			for _, d := range results[0].Diagnostics {
				t.Fatalf("%s", d.Error())
			}
			want := []RuleOverride{}
			for _, o := range tt.want {
				o.Source = cfg
				want = append(want, o)
			}
			if diff := cmp.Diff(want, MergeOverrides(results)); diff != "" {
				t.Errorf("overrides (-want +got):\n%s", diff)
			}
		})
	}
}

// TestBlanketIgnorePerSpec: with a configuration shared by two specs
// (-config), a paths glob that covers all files of one spec is a blanket
// ignore there only.
func TestBlanketIgnorePerSpec(t *testing.T) {
	set := configTestSet(t)
	dir := t.TempDir()
	spec := "bucket \"data\" {\n  name   = \"acme-blanket-%s\"\n  region = \"us-east-1\"\n}\n"
	writeTestFile(t, dir, "specs/logs/main.hcl", fmt.Sprintf(spec, "logs"))
	writeTestFile(t, dir, "specs/data/main.hcl", fmt.Sprintf(spec, "data"))
	file := writeTestFile(t, dir, "teramotc.hcl", "ignore \"TMC304\" {\n  paths  = [\"specs/logs/*.hcl\"]\n  reason = \"reviewed in SEC-1\"\n}\n")
	cfg, diags := LoadConfig(file, set)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	results := set.Lint(context.Background(), []string{filepath.Join(dir, "specs/logs"), filepath.Join(dir, "specs/data")}, LintOptions{Config: cfg})
	r := set.Rule("TMC304")
	want := []RuleOverride{{ID: "TMC304", Default: r.Severity, Severity: r.Severity, Enabled: true, Source: file,
		Reason: "reviewed in SEC-1", Security: highSecurity(r), Ignored: true}}
	if diff := cmp.Diff(want, results[0].RuleOverrides()); diff != "" {
		t.Errorf("logs spec (-want +got):\n%s", diff)
	}
	if got := results[1].RuleOverrides(); len(got) != 0 {
		t.Errorf("data spec: %v, want none", got)
	}
}

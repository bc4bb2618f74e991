package cli

import (
	"cmp"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/rules"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestLintOrigins checks how the errors of a lint run are told apart: the
// configuration file of a spec, an evaluation that failed or timed out
// (by the rules.EvalFailure marker, whatever the wording), and the spec
// itself; and whether the path they concern is a file.
func TestLintOrigins(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, rules.ConfigFileName)
	if err := os.WriteFile(cfg, []byte("rule \"TMC999\" {\n  enabled = false\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	oneFile := filepath.Join(dir, "main.hcl")
	if err := os.WriteFile(oneFile, []byte("bucket \"b\" {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	at := func(file string) *hcl.Range {
		return &hcl.Range{Filename: file, Start: hcl.Pos{Line: 1, Column: 6, Byte: 5}}
	}
	tests := []struct {
		name       string
		spec       string // the spec path; dir unless set
		configFile string // -config
		diag       *hcl.Diagnostic
		want       view.LintOrigin
	}{
		{"spec error", "", "", &hcl.Diagnostic{Summary: "Unsupported argument", Subject: at(oneFile)}, view.LintOrigin{Cause: view.CauseSpec, Path: dir}},
		{"spec error without range", "", "", &hcl.Diagnostic{Summary: "Cannot read spec"}, view.LintOrigin{Cause: view.CauseSpec, Path: dir}},
		{"one-file spec", oneFile, "", &hcl.Diagnostic{Summary: "Cannot read spec"}, view.LintOrigin{Cause: view.CauseSpec, Path: oneFile, File: true}},
		{"discovered config", "", "", &hcl.Diagnostic{Summary: "Unknown rule", Subject: at(cfg)}, view.LintOrigin{Cause: view.CauseConfig, Path: cfg, File: true}},
		{"-config file", "", "other.hcl", &hcl.Diagnostic{Summary: "Unknown rule", Subject: at("other.hcl")}, view.LintOrigin{Cause: view.CauseConfig, Path: "other.hcl"}},
		{"evaluation failed", "", "", &hcl.Diagnostic{Summary: "Policy evaluation failed", Extra: rules.EvalFailure{}}, view.LintOrigin{Cause: view.CauseEvaluation, Path: dir}},
		{"evaluation failed, other wording", "", "", &hcl.Diagnostic{Summary: "The rules could not run", Extra: rules.EvalFailure{}}, view.LintOrigin{Cause: view.CauseEvaluation, Path: dir}},
		{"evaluation timed out", "", "", &hcl.Diagnostic{Summary: "Policy evaluation timed out", Extra: rules.EvalFailure{TimedOut: true}}, view.LintOrigin{Cause: view.CauseTimeout, Path: dir}},
		{"timed out, other wording", "", "", &hcl.Diagnostic{Summary: "Deadline", Extra: rules.EvalFailure{TimedOut: true}}, view.LintOrigin{Cause: view.CauseTimeout, Path: dir}},
		{"evaluation wording without the marker", "", "", &hcl.Diagnostic{Summary: "Policy evaluation failed"}, view.LintOrigin{Cause: view.CauseSpec, Path: dir}},
		{"a spec diagnostic's rule id is no marker", "", "", &hcl.Diagnostic{Summary: "Policy evaluation timed out", Extra: spec.DiagExtra{RuleID: "TMC701"}}, view.LintOrigin{Cause: view.CauseSpec, Path: dir}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]*hcl.File{}
			path := cmp.Or(tt.spec, dir)
			res := []*rules.SpecResult{{Path: path, Diagnostics: hcl.Diagnostics{tt.diag}}}
			got := lintOrigins(res, tt.configFile, files)[tt.diag]
			if got != tt.want {
				t.Errorf("origin %+v, want %+v", got, tt.want)
			}
			if f := files[cfg]; tt.want.Cause == view.CauseConfig && tt.want.Path == cfg && (f == nil || !strings.Contains(string(f.Bytes), "TMC999")) {
				t.Errorf("the configuration file's source is not added for snippets: %v", files)
			}
		})
	}
}

// TestLintExitCodes runs lint and checks the exact exit code and where the
// output goes (the scripts can only tell zero from non-zero).
func TestLintExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name, "main.hcl")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return filepath.Dir(p)
	}
	hard := write("hard", "bucket \"b\" {\n  name   = \"Bad_Name\"\n  region = \"eu-west-1\"\n}\n")
	public := write("public", "bucket \"b\" {\n  name   = \"acme-exit-public\"\n  region = \"eu-west-1\"\n  block_public_access = false\n}\n")
	tests := []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string // substrings; "" means empty
	}{
		{"hard rule", []string{hard}, view.ExitError, "The spec is invalid: 1 hard-rule error.", ""},
		{"hard rule, -no-fail", []string{"-no-fail", hard}, view.ExitError, "(TMC701 bucket-name)", ""},
		{"hard rule, -force -fail-level notice", []string{"-force", "-fail-level", "notice", hard}, view.ExitError, "TMC701", ""},
		{"soft finding", []string{"-only", "TMC101", public}, view.ExitFindings, "(TMC101 public-access-block)", ""},
		{"soft finding, -no-fail", []string{"-only", "TMC101", "-no-fail", public}, view.ExitOK, "TMC101", ""},
		{"missing spec", []string{filepath.Join(dir, "nonexist")}, view.ExitError, "", "Lint stopped by 1 error in the spec."},
		{"fail level typo", []string{"-fail-level", "warnin", public}, view.ExitError, "", `Did you mean "warning"?`},
		{"format typo", []string{"-f", "jsn", public}, view.ExitError, "", `Did you mean "json"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, stdout, stderr := testEnv("")
			code := run(env, append([]string{"lint"}, tt.args...))
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout, stderr)
			}
			for _, c := range []struct {
				name, got, want string
			}{{"stdout", stdout.String(), tt.stdout}, {"stderr", stderr.String(), tt.stderr}} {
				if c.want == "" && c.got != "" || !strings.Contains(c.got, c.want) {
					t.Errorf("%s: want %q, got:\n%s", c.name, c.want, c.got)
				}
			}
		})
	}
}

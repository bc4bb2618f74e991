package rules

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// ruleSource is a custom rule module with the given METADATA custom lines.
func ruleSource(pkg, custom string, url bool) string {
	var b strings.Builder
	b.WriteString("# METADATA\n# title: T\n")
	if url {
		b.WriteString("# related_resources:\n# - ref: https://wiki.example.com/x\n")
	}
	b.WriteString("# custom:\n" + custom + "package teramotc.rules." + pkg + "\n\ndeny contains \"x\" if input.x\n")
	return b.String()
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestCheckPolicies checks what policy check reports: every rule
// package's METADATA problem (not only the first), duplicate ids across
// custom rules and against the built-ins, strict-mode errors at their
// position, and the warnings.
func TestCheckPolicies(t *testing.T) {
	ok := "#   id: ORG001\n#   severity: error\n"
	tests := []struct {
		name  string
		files map[string]string
		want  []string // "severity file:line: summary"
		rules int
	}{
		{"clean", map[string]string{"a.rego": ruleSource("a", ok, true)}, nil, 1},
		{"no url", map[string]string{"a.rego": ruleSource("a", ok, false)},
			[]string{"warning a.rego:1: Rule without documentation URL"}, 1},
		{"misspelt key", map[string]string{"a.rego": ruleSource("a", ok+"#   remedation: x\n", true)},
			[]string{"warning a.rego:1: Unknown METADATA key"}, 1},
		{"every package reported", map[string]string{
			"a.rego": ruleSource("a", "#   id: ORG001\n#   severity: eror\n", true),
			"b.rego": ruleSource("b", "#   severity: error\n", true),
		}, []string{"error a.rego:1: Invalid rule metadata", "error b.rego:1: Invalid rule metadata"}, 0},
		{"duplicate custom id", map[string]string{
			"a.rego": ruleSource("a", ok, true),
			"b.rego": ruleSource("b", ok, true),
		}, []string{"error b.rego:1: Duplicate rule id"}, 1},
		{"built-in id", map[string]string{"a.rego": ruleSource("a", "#   id: TMC101\n#   severity: error\n", true)},
			[]string{"error a.rego:1: Duplicate rule id"}, 0},
		{"strict mode", map[string]string{
			"a.rego":      ruleSource("a", ok, true),
			"a_test.rego": "package teramotc.rules.a_test\n\ntest_a if {\n\tx := 1\n\ttrue\n}\n",
		}, []string{"error a_test.rego:4: Strict mode error"}, 1},
		{"compile error is not strict", map[string]string{
			"a.rego": ruleSource("a", ok, true) + "\nbad if y\n",
		}, []string{"error a.rego:12: Unsafe variable"}, 1},
		{"reserved package", map[string]string{"lib.rego": "package teramotc.lib.common\n\nx := 1\n"},
			[]string{"error lib.rego:1: Reserved policy package"}, 0},
		// A PATH without policies fails, as policy test without tests
		// does, so that a wrong path in CI is not green (review-diff6a F12).
		{"no policy files", map[string]string{"main.hcl": "bucket \"a\" {}\n"},
			[]string{"error -: No policy files"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			res := CheckPolicies(CheckOptions{Paths: []string{dir}})
			var got []string
			for _, d := range res.Diags {
				sev := "error"
				if d.Severity == hcl.DiagWarning {
					sev = "warning"
				}
				where := "-"
				if d.Subject != nil {
					rel, _ := filepath.Rel(dir, d.Subject.Filename)
					where = filepath.ToSlash(rel) + ":" + strconv.Itoa(d.Subject.Start.Line)
				}
				got = append(got, sev+" "+where+": "+d.Summary)
				if d.Detail == "" || !strings.HasSuffix(d.Detail, ".") && !strings.HasSuffix(d.Detail, "?") {
					t.Errorf("detail %q is not a full sentence", d.Detail)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
			modules := 0
			for name := range tt.files {
				if strings.HasSuffix(name, ".rego") {
					modules++
				}
			}
			if res.Rules != tt.rules || res.Modules != modules {
				t.Errorf("%d rules in %d files, want %d in %d", res.Rules, res.Modules, tt.rules, modules)
			}
		})
	}
}

// TestCheckHints checks the "Did you mean" of invalid METADATA.
func TestCheckHints(t *testing.T) {
	tests := []struct {
		name, custom, want string
	}{
		{"severity value", "#   id: ORG001\n#   severity: warnng\n", `Did you mean "warning"?`},
		{"severity key", "#   id: ORG001\n#   severty: error\n", "Did you mean custom.severity (not custom.severty)?"},
		{"id key", "#   ids: ORG001\n#   severity: error\n", "Did you mean custom.id (not custom.ids)?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"a.rego": ruleSource("a", tt.custom, true)})
			res := CheckPolicies(CheckOptions{Paths: []string{dir}})
			var found bool
			for _, d := range res.Diags {
				if d.Summary == "Invalid rule metadata" {
					found = strings.HasSuffix(d.Detail, tt.want)
					if !found {
						t.Errorf("detail %q does not end with %q", d.Detail, tt.want)
					}
				}
			}
			if !found {
				t.Errorf("no Invalid rule metadata in %v", res.Diags)
			}
		})
	}
}

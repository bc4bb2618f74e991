package rules

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// writePolicies writes files (relative name -> source) under a new
// temporary directory and returns it.
func writePolicies(t *testing.T, files map[string]string) string {
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

const validRuleMeta = `# METADATA
# title: Acme rule
# custom:
#   id: ACME001
#   severity: warning
package teramotc.rules.acme
`

// wantDiag is the part of a diagnostic a case checks: the position is
// "FILE:LINE:COLUMN-ENDCOLUMN" relative to the policy directory, or "" for
// a diagnostic without a range.
type wantDiag struct {
	Summary string
	Pos     string
	Detail  string // a substring of the detail
}

// TestPolicyErrorDiagnostics: every problem of loading policies or of a
// test run's options is a diagnostic, ranged (line and column) when it has
// a place in a file, whose source comes with it for the snippet.
func TestPolicyErrorDiagnostics(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		// run loads the policies of dir (Load, or TestPolicies with -run).
		run   func(dir string) error
		want  wantDiag
		cause error // errors.Is(err, cause), when set
	}{
		{
			name:  "missing directory",
			run:   func(dir string) error { return loadErr(filepath.Join(dir, "nonexist")) },
			want:  wantDiag{Summary: "No policy directory", Detail: "such as the policy/ directory that teramotc init writes"},
			cause: fs.ErrNotExist,
		},
		{
			name:  "not a rego file",
			files: map[string]string{"main.hcl": "bucket \"a\" {}\n"},
			run:   func(dir string) error { return loadErr(filepath.Join(dir, "main.hcl")) },
			want:  wantDiag{Summary: "Not a policy directory", Detail: "is a file, not a directory of .rego files"},
		},
		{
			name:  "syntax error",
			files: map[string]string{"p/broken.rego": "package p\n\nx := 1 +\n\ny := 2\n"},
			run:   loadErr,
			want:  wantDiag{Summary: "Invalid Rego syntax", Pos: "p/broken.rego:5:3-5", Detail: "Unexpected assign token."},
		},
		{
			name:  "syntax error column counts characters",
			files: map[string]string{"p.rego": "package p\n\nx := {\"é\": 1 1}\n"},
			run:   loadErr,
			want:  wantDiag{Summary: "Invalid Rego syntax", Pos: "p.rego:3:14-15", Detail: "Unexpected number token: non-terminated object."},
		},
		{
			name:  "compile error",
			files: map[string]string{"acme.rego": validRuleMeta + "\ndeny contains \"x\" if {\n\tacme.lookup(1)\n}\n"},
			run:   loadErr,
			want:  wantDiag{Summary: "Rego type error", Pos: "acme.rego:9:2-16", Detail: "Undefined function acme.lookup."},
		},
		{
			name:  "withheld built-in",
			files: map[string]string{"acme.rego": validRuleMeta + "\ndeny contains \"x\" if {\n\thttp.send({\"url\": \"http://x\"})\n}\n"},
			run:   loadErr,
			want:  wantDiag{Summary: "Built-in function not allowed", Pos: "acme.rego:9:2-32", Detail: "pass -allow-network-builtins if you trust every policy."},
		},
		{
			name:  "metadata without id",
			files: map[string]string{"r.rego": "# METADATA\n# title: No id\n# custom:\n#   severity: error\npackage teramotc.rules.no_id\n\ndeny contains \"x\" if false\n"},
			run:   loadErr,
			want:  wantDiag{Summary: "Invalid rule metadata", Pos: "r.rego:1:1-11", Detail: "METADATA has no custom.id."},
		},
		{
			name:  "rule without deny",
			files: map[string]string{"r.rego": validRuleMeta + "\nallow := true\n"},
			run:   loadErr,
			want:  wantDiag{Summary: "Rule without deny", Pos: "r.rego:6:1-8", Detail: "deny contains finding if"},
		},
		{
			name:  "id of a built-in rule",
			files: map[string]string{"r.rego": strings.Replace(validRuleMeta, "ACME001", "TMC101", 1) + "\ndeny contains \"x\" if false\n"},
			run:   loadErr,
			want:  wantDiag{Summary: "Duplicate rule id", Pos: "r.rego:1:1-11", Detail: "already used by package data.teramotc.rules.public_access_block"},
		},
		{
			name: "invalid -run expression",
			run: func(dir string) error {
				_, err := TestPolicies(context.Background(), TestOptions{Dirs: []string{dir}, Run: "["})
				return err
			},
			want: wantDiag{Summary: "Invalid -run expression", Detail: "-run is not a valid regular expression: missing closing ]: `[`."},
		},
		{
			name:  "test compile error",
			files: map[string]string{"t_test.rego": "package t_test\n\ntest_x if {\n\tnot_defined(1)\n}\n"},
			run: func(dir string) error {
				_, err := TestPolicies(context.Background(), TestOptions{Dirs: []string{dir}})
				return err
			},
			want: wantDiag{Summary: "Rego type error", Pos: "t_test.rego:4:2-16", Detail: "Undefined function not_defined."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writePolicies(t, tc.files)
			err := tc.run(dir)
			var pe *PolicyError
			if !errors.As(err, &pe) {
				t.Fatalf("got error %v (%T), want a *PolicyError", err, err)
			}
			if tc.cause != nil && !errors.Is(err, tc.cause) {
				t.Errorf("errors.Is(err, %v) is false", tc.cause)
			}
			diags, files := Diagnostics(err)
			if len(diags) == 0 {
				t.Fatalf("no diagnostics: %v", err)
			}
			d := diags[0]
			got := wantDiag{Summary: d.Summary, Pos: relPos(dir, d.Subject), Detail: tc.want.Detail}
			if !strings.Contains(d.Detail, tc.want.Detail) {
				got.Detail = d.Detail
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("diagnostic (-want +got):\n%s", diff)
			}
			if d.Severity != hcl.DiagError {
				t.Errorf("severity %v, want error", d.Severity)
			}
			if d.Subject != nil {
				f := files[d.Subject.Filename]
				if f == nil {
					t.Fatalf("no source for %s among %d files", d.Subject.Filename, len(files))
				}
				if marked := string(f.Bytes[d.Subject.Start.Byte:d.Subject.End.Byte]); marked == "" && d.Subject.End.Column > d.Subject.Start.Column {
					t.Errorf("range %v marks nothing of the source", d.Subject)
				}
			}
		})
	}
}

func loadErr(dir string) error {
	_, err := Load(context.Background(), Options{PolicyDirs: []string{dir}})
	return err
}

// relPos formats a range as FILE:LINE:COLUMN-ENDCOLUMN with FILE relative
// to dir; "" for nil.
func relPos(dir string, rng *hcl.Range) string {
	if rng == nil {
		return ""
	}
	name, err := filepath.Rel(dir, rng.Filename)
	if err != nil {
		name = rng.Filename
	}
	return fmt.Sprintf("%s:%d:%d-%d", filepath.ToSlash(name), rng.Start.Line, rng.Start.Column, rng.End.Column)
}

// An error that is not a *PolicyError still becomes one diagnostic.
func TestDiagnosticsOfOtherErrors(t *testing.T) {
	diags, files := Diagnostics(errors.New("preparing the policy query: boom"))
	if len(diags) != 1 || diags[0].Summary != "Cannot load the policies" || !strings.HasPrefix(diags[0].Detail, "Preparing the policy query: boom.") {
		t.Errorf("got %v", diags)
	}
	if files == nil {
		t.Error("files is nil")
	}
}

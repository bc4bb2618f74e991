package view

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/rules"
)

// TestGitHubColumnsOnOneLineOnly: the Checks API rejects col and endColumn
// on an annotation that spans several lines.
func TestGitHubColumnsOnOneLineOnly(t *testing.T) {
	pos := func(line, col int) hcl.Pos { return hcl.Pos{Line: line, Column: col} }
	tests := []struct {
		name string
		rng  hcl.Range
		want string
	}{
		{"one line", hcl.Range{Filename: "m.hcl", Start: pos(2, 3), End: pos(2, 9)}, "file=m.hcl,line=2,col=3,endLine=2,endColumn=9"},
		{"several lines", hcl.Range{Filename: "m.hcl", Start: pos(2, 3), End: pos(5, 2)}, "file=m.hcl,line=2,endLine=5"},
		{"no end", hcl.Range{Filename: "m.hcl", Start: pos(2, 3)}, "file=m.hcl,line=2,col=3"},
		{"no line", hcl.Range{Filename: "m.hcl"}, "file=m.hcl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			writeGitHubCommand(&b, "error", &tt.rng, "T", "m")
			if want := "::error " + tt.want + ",title=T::m\n"; b.String() != want {
				t.Errorf("got %q, want %q", b.String(), want)
			}
		})
	}
}

// TestGitHubPathsRelativeToRoot: on a runner (GitHubRoot set), annotation
// paths are relative to the repository root, not to the working directory;
// a file outside it keeps its name.
func TestGitHubPathsRelativeToRoot(t *testing.T) {
	tests := []struct{ name, root, file, dirErr, want string }{
		{"no root", "", "find/main.hcl", "find", "file=find/main.hcl,"},
		{"root", "/repo", "find/main.hcl", "find", "file=specs/find/main.hcl,"},
		{"outside the root", "/repo", "/elsewhere/main.hcl", "/elsewhere", "file=/elsewhere/main.hcl,"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errNoRange := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Cannot read spec"}
			r := &LintReport{
				Findings:   []*rules.Finding{{Rule: lintTestRules["TMC301"], Message: "m", Range: hcl.Range{Filename: tt.file, Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 2}}}},
				Errors:     hcl.Diagnostics{errNoRange},
				Origins:    map[*hcl.Diagnostic]LintOrigin{errNoRange: {Cause: CauseSpec, Path: tt.dirErr}},
				WorkDir:    "/repo/specs",
				GitHubRoot: tt.root,
			}
			out := string(writeLintString(t, "github", r))
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if len(lines) != 2 || !strings.Contains(lines[1], tt.want) {
				t.Errorf("finding annotation %q, want %q in it", out, tt.want)
			}
			wantDir := strings.TrimSuffix(strings.TrimPrefix(tt.want, "file="), "/main.hcl,")
			if !strings.Contains(lines[0], "::"+wantDir+": Cannot read spec") {
				t.Errorf("directory error %q does not start its message with %s", lines[0], wantDir)
			}
		})
	}
}

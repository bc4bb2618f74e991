package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPrescanFlags(t *testing.T) {
	fs := newFlagSet(&Env{}, "lint")
	var lf lintFlags
	fs.Var(&lf.formats, "format", "")
	fs.Var(&lf.formats, "f", "")
	fs.Var(&lf.only, "only", "")
	fs.BoolVar(&lf.noFail, "no-fail", false, "")
	keys := map[string]string{"format": "format", "f": "format"}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"forms", []string{"-f", "github", "--format=sarif=a.sarif", "-format", "json=b", "--f=text"}, []string{"github", "sarif=a.sarif", "json=b", "text"}},
		{"after an unknown flag and a positional", []string{"spec", "-bogus", "-f", "compact"}, []string{"compact"}},
		{"the value of another flag", []string{"-only", "-f", "-f", "json"}, []string{"json"}},
		{"a switch takes no value", []string{"-no-fail", "-f", "json"}, []string{"json"}},
		{"after --", []string{"-f", "json", "--", "-f", "text"}, []string{"json"}},
		{"no value", []string{"-f"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := prescanFlags(fs, tt.args, keys)["format"]
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

// TestFindLintRoots: the git work tree of the first spec (a .git directory,
// or the .git file of a linked work tree), else GITHUB_WORKSPACE; github
// annotations get a root only on a runner.
func TestFindLintRoots(t *testing.T) {
	tmp := realPath(t.TempDir())
	repo, linked, plain := filepath.Join(tmp, "repo"), filepath.Join(tmp, "linked"), filepath.Join(tmp, "plain")
	for _, d := range []string{filepath.Join(repo, ".git"), filepath.Join(repo, "specs", "find"), filepath.Join(linked, "specs"), filepath.Join(plain, "specs")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(linked, ".git"), []byte("gitdir: /elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, "specs", "find", "main.hcl"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(repo, "specs"))
	specs := filepath.Join(repo, "specs")
	tests := []struct {
		name, workspace string
		specs           []string
		want            lintRoots
	}{
		{"spec directory", "", []string{"find"}, lintRoots{specs, repo, ""}},
		{"spec file", "", []string{"find/main.hcl"}, lintRoots{specs, repo, ""}},
		{"no spec", "", nil, lintRoots{specs, repo, ""}},
		{"missing spec", "", []string{"nonexist/x"}, lintRoots{specs, repo, ""}},
		{"on a runner", repo, []string{"find"}, lintRoots{specs, repo, repo}},
		{"linked work tree", "", []string{filepath.Join(linked, "specs")}, lintRoots{specs, linked, ""}},
		{"no work tree", "", []string{filepath.Join(plain, "specs")}, lintRoots{specs, "", ""}},
		{"no work tree, on a runner", plain, []string{filepath.Join(plain, "specs")}, lintRoots{specs, plain, plain}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.specs != nil && filepath.Dir(tt.specs[0]) == plain && gitWorkTree(plain) != "" {
				t.Skip("the temporary directory is inside a git work tree")
			}
			env := &Env{Getenv: func(k string) string {
				if k == "GITHUB_WORKSPACE" {
					return tt.workspace
				}
				return ""
			}}
			if got := findLintRoots(env, tt.specs); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

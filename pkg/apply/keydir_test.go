package apply

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckKeyDirPermissions: a key directory others may write to is
// refused unless it has the sticky bit; one inside a git work tree is
// used with a warning.
func TestCheckKeyDirPermissions(t *testing.T) {
	withKey := &Plan{Changes: []*Change{{Type: TAccessKey, Name: "svc", Action: ActionCreate}}}
	tests := []struct {
		name        string
		mode        os.FileMode
		git         bool
		wantSummary string // "" for no problem
		wantWarning string
	}{
		{"private", 0o700, false, "", ""},
		{"readable by others", 0o755, false, "", ""},
		{"world-writable", 0o777, false, "-key-dir DIR is writable by other users (mode 0777, no sticky bit)", ""},
		{"group-writable", 0o770, false, "-key-dir DIR is writable by other users (mode 0770, no sticky bit)", ""},
		{"world-writable with the sticky bit", 0o777 | os.ModeSticky, false, "", ""},
		{"inside a git work tree", 0o700, true, "", "-key-dir DIR is inside the git work tree ROOT: make sure *.access-key.json is git-ignored"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "keys")
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(dir, tc.mode); err != nil { // not subject to the umask
				t.Fatal(err)
			}
			if tc.git {
				if err := os.Mkdir(filepath.Join(root, ".git"), 0o700); err != nil {
					t.Fatal(err)
				}
			}
			e := &Engine{KeyDir: dir}
			progress := recordProgress(e)
			got := ""
			if err := e.CheckKeyDir(withKey); err != nil {
				got = strings.ReplaceAll(err.Error(), dir, "DIR")
				var p *Problem
				if !errors.As(err, &p) || !strings.Contains(p.Detail, "Nothing was written to AWS") {
					t.Errorf("err = %#v, want a *Problem saying nothing was written", err)
				}
			}
			if got != tc.wantSummary {
				t.Errorf("CheckKeyDir = %q, want %q", got, tc.wantSummary)
			}
			warning := strings.NewReplacer(dir, "DIR", root, "ROOT").Replace(progress.text())
			if (tc.wantWarning == "") != (warning == "") || !strings.Contains(warning, tc.wantWarning) {
				t.Errorf("warnings = %q, want %q", warning, tc.wantWarning)
			}
		})
	}
}

func TestGitWorkTree(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o700); err != nil {
		t.Fatal(err)
	}
	if got := gitWorkTree(deep); got != "" && strings.HasPrefix(got, root) {
		t.Errorf("no .git: got %q", got)
	}
	// A linked work tree or submodule has a .git file.
	if err := os.WriteFile(filepath.Join(root, "a", ".git"), []byte("gitdir: /elsewhere\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, want := gitWorkTree(deep), filepath.Join(root, "a"); got != want {
		t.Errorf("gitWorkTree = %q, want %q", got, want)
	}
}

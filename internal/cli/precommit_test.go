package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// preCommitHook is an entry of .pre-commit-hooks.yaml, or a hook of a
// .pre-commit-config.yaml (ID and Args only).
type preCommitHook struct {
	ID            string   `yaml:"id"`
	Entry         string   `yaml:"entry"`
	Args          []string `yaml:"args"`
	Files         string   `yaml:"files"`
	PassFilenames *bool    `yaml:"pass_filenames"`
}

// readHooks returns the hooks of the repository's .pre-commit-hooks.yaml.
func readHooks(t *testing.T) map[string]preCommitHook {
	t.Helper()
	b, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var list []preCommitHook
	if err := yaml.Unmarshal(b, &list); err != nil {
		t.Fatal(err)
	}
	hooks := map[string]preCommitHook{}
	for _, h := range list {
		hooks[h.ID] = h
	}
	return hooks
}

// ciDocPreCommit returns the hooks of the pre-commit example of docs/ci.md.
func ciDocPreCommit(t *testing.T) []preCommitHook {
	t.Helper()
	b, err := os.ReadFile("../../docs/ci.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(b), "\n## pre-commit\n")
	m := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindStringSubmatch(section)
	if m == nil {
		t.Fatal("docs/ci.md has no yaml block under ## pre-commit")
	}
	var cfg struct {
		Repos []struct {
			Hooks []preCommitHook `yaml:"hooks"`
		} `yaml:"repos"`
	}
	if err := yaml.Unmarshal([]byte(m[1]), &cfg); err != nil || len(cfg.Repos) != 1 {
		t.Fatalf("the pre-commit example of docs/ci.md: %v (%d repos)", err, len(cfg.Repos))
	}
	return cfg.Repos[0].Hooks
}

// preCommitRepo lays out a repository as the docs/ci.md example has it:
// the scaffold's spec in specs/prod, rendered to specs/prod/rendered, and
// its custom rules in policy/. It returns the repository's root.
func preCommitRepo(t *testing.T) string {
	t.Helper()
	scaffold := initProject(t)
	repo := t.TempDir()
	prod := filepath.Join(repo, "specs", "prod")
	if err := os.MkdirAll(prod, 0o755); err != nil {
		t.Fatal(err)
	}
	for from, to := range map[string]string{
		"main.hcl":      filepath.Join(prod, "main.hcl"),
		".teramotc.hcl": filepath.Join(prod, ".teramotc.hcl"),
		"policy":        filepath.Join(repo, "policy"),
	} {
		if err := os.Rename(filepath.Join(scaffold, from), to); err != nil {
			t.Fatal(err)
		}
	}
	env, _, stderr := testEnv("")
	if code := run(env, []string{"render", prod, "-o", filepath.Join(prod, "rendered")}); code != 0 {
		t.Fatalf("render exited %d: %s", code, stderr)
	}
	return repo
}

// TestPreCommitHooks runs the hooks of the pre-commit example in
// docs/ci.md as pre-commit would (entry, then the example's args or else
// the hook's own, then the matching files when pass_filenames is true),
// from the root of a repository laid out as the example says: each one
// passes, and the policy hook runs the custom rules' tests.
func TestPreCommitHooks(t *testing.T) {
	hooks := readHooks(t)
	example := ciDocPreCommit(t)
	if len(example) != len(hooks) {
		t.Errorf("the docs/ci.md example uses %d hooks, .pre-commit-hooks.yaml has %d", len(example), len(hooks))
	}
	repo := preCommitRepo(t)
	t.Chdir(repo)
	for _, use := range example {
		t.Run(use.ID, func(t *testing.T) {
			h, ok := hooks[use.ID]
			if !ok {
				t.Fatalf("hook %s is not in .pre-commit-hooks.yaml", use.ID)
			}
			args := strings.Fields(h.Entry)
			if len(args) == 0 || args[0] != "teramotc" {
				t.Fatalf("entry %q does not run teramotc", h.Entry)
			}
			args = args[1:]
			if use.Args != nil {
				args = append(args, use.Args...)
			} else {
				args = append(args, h.Args...)
			}
			if h.PassFilenames == nil || *h.PassFilenames {
				args = append(args, matchingFiles(t, h.Files)...)
			}
			env, stdout, stderr := testEnv("")
			if code := run(env, args); code != 0 {
				t.Fatalf("teramotc %s exited %d:\n%s%s", strings.Join(args, " "), code, stdout, stderr)
			}
			if use.ID == "teramotc-policy-test" && !strings.Contains(stdout.String(), "PASS: 3/3") {
				t.Errorf("policy test did not run the 3 tests of policy/:\n%s", stdout)
			}
		})
	}
}

// matchingFiles returns the files under the current directory whose slash
// path matches the hook's files pattern, as pre-commit passes them.
func matchingFiles(t *testing.T, pattern string) []string {
	t.Helper()
	re := regexp.MustCompile(pattern)
	var files []string
	err := filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && re.MatchString(filepath.ToSlash(p)) {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) == 0 {
		t.Fatalf("no files match %q (%v)", pattern, err)
	}
	return files
}

// TestPreCommitFmtHookFiles runs the teramotc-fmt hook as pre-commit
// would on a repository holding a badly formatted spec file, variable file
// and configuration: the hook is given, and rewrites, every one of the
// kinds of file `teramotc fmt` formats (*.hcl, *.tfvars, .teramotc.hcl).
func TestPreCommitFmtHookFiles(t *testing.T) {
	h, ok := readHooks(t)["teramotc-fmt"]
	if !ok {
		t.Fatal("no teramotc-fmt hook in .pre-commit-hooks.yaml")
	}
	t.Chdir(t.TempDir())
	const messy, tidy = "x   =    1\n", "x = 1\n"
	files := []string{"specs/prod/main.hcl", "specs/prod/prod.tfvars", "specs/prod/.teramotc.hcl"}
	for _, f := range files {
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(messy), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	args := append(strings.Fields(h.Entry)[1:], matchingFiles(t, h.Files)...)
	env, stdout, stderr := testEnv("")
	if code := run(env, args); code != 0 {
		t.Fatalf("teramotc %s exited %d:\n%s%s", strings.Join(args, " "), code, stdout, stderr)
	}
	for _, f := range files {
		if b, _ := os.ReadFile(f); string(b) != tidy {
			t.Errorf("the hook (files: %s) left %s as %q, want %q", h.Files, f, b, tidy)
		}
	}
}

package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/teramot/teramotc/pkg/rules"
	"github.com/teramot/teramotc/pkg/spec"
)

// initProject runs `teramotc init DIR` in a temporary directory.
func initProject(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "project")
	env, _, stderr := testEnv("")
	if code := run(env, []string{"init", dir}); code != 0 {
		t.Fatalf("init exited %d: %s", code, stderr)
	}
	return dir
}

func TestInitSpecIsValid(t *testing.T) {
	dir := initProject(t)
	loaded, diags := spec.Load(dir, spec.Options{})
	if diags.HasErrors() {
		t.Fatalf("the scaffolded spec is invalid: %v", diags)
	}
	if n := len(loaded.Spec.Buckets); n != 2 {
		t.Errorf("scaffold has %d buckets, want 2", n)
	}
}

func TestInitExternalIDIsUnique(t *testing.T) {
	a, _ := os.ReadFile(filepath.Join(initProject(t), "main.hcl"))
	b, _ := os.ReadFile(filepath.Join(initProject(t), "main.hcl"))
	if bytes.Equal(a, b) {
		t.Error("two scaffolds share their external id")
	}
	if bytes.Contains(a, []byte("{{")) {
		t.Error("main.hcl has an unfilled template action")
	}
}

func TestInitPolicyTestsPass(t *testing.T) {
	dir := initProject(t)
	// Plain `opa test` semantics: custom rules need nothing from teramotc.
	results, err := tester.Run(context.Background(), filepath.Join(dir, "policy"))
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 3 {
		t.Errorf("ran %d owner_tag tests, want 3", len(results))
	}
	for _, r := range results {
		if !r.Pass() {
			t.Errorf("%s failed: %v", r.Name, r.Error)
		}
	}
}

// TestInitLintClean checks that `teramotc lint -policy policy` passes on
// the scaffold (no unsuppressed error) and that the custom rule fires.
func TestInitLintClean(t *testing.T) {
	dir := initProject(t)
	set, err := rules.Load(context.Background(), rules.Options{PolicyDirs: []string{filepath.Join(dir, "policy")}})
	if err != nil {
		t.Fatal(err)
	}
	if set.Rule("ORG001") == nil {
		t.Fatal("the custom rule ORG001 is not loaded")
	}
	check := func(t *testing.T, wantORG001 bool) {
		res := set.Lint(context.Background(), []string{dir}, rules.LintOptions{})[0]
		if res.Diagnostics.HasErrors() {
			t.Fatalf("lint errors: %v", res.Diagnostics)
		}
		got := false
		for _, f := range res.Findings {
			switch {
			case f.Suppression != nil:
			case f.Rule.ID == "ORG001":
				got = true
			case f.Rule.Severity == rules.SeverityError:
				t.Errorf("scaffold finding %s (%s) at %s: %s", f.Rule.ID, f.Rule.Severity, f.Range, f.Message)
			}
		}
		if got != wantORG001 {
			t.Errorf("ORG001 fired: %v, want %v", got, wantORG001)
		}
	}
	t.Run("as scaffolded", func(t *testing.T) { check(t, false) })
	t.Run("owner tag removed", func(t *testing.T) {
		p := filepath.Join(dir, "main.hcl")
		src, _ := os.ReadFile(p)
		src = []byte(strings.Replace(string(src), `owner = "data-platform"`, `team = "data-platform"`, 1))
		if err := os.WriteFile(p, src, 0o644); err != nil {
			t.Fatal(err)
		}
		check(t, true)
	})
}

func TestInitRefusesToOverwrite(t *testing.T) {
	dir := initProject(t)
	p := filepath.Join(dir, "main.hcl")
	if err := os.WriteFile(p, []byte("# mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, ".teramotc.hcl"))
	env, _, stderr := testEnv("")
	if code := run(env, []string{"init", dir}); code != 1 {
		t.Fatalf("init over an existing project exited %d, want 1", code)
	}
	if got, _ := os.ReadFile(p); string(got) != "# mine\n" {
		t.Error("init overwrote main.hcl")
	}
	if _, err := os.Stat(filepath.Join(dir, ".teramotc.hcl")); err == nil {
		t.Error("init wrote .teramotc.hcl although another file existed")
	}
	if !strings.Contains(stderr.String(), "main.hcl") {
		t.Errorf("stderr does not name the existing file: %s", stderr)
	}
}

func TestWorkflowPin(t *testing.T) {
	for _, tc := range []struct {
		name, version, pin, note string
	}{
		{"release", "0.2.1", "v0.2.1", "the teramotc release"},
		{"release with v", "v1.4.0", "v1.4.0", "the teramotc release"},
		{"development build", "0.1.0-dev", "v0.1.0", "development build (0.1.0-dev): pin"},
		{"pre-release", "v0.3.0-rc.1", "v0.1.0", "development build (v0.3.0-rc.1)"},
		{"pseudo-version", "v0.0.0-20261127-abcdef", "v0.1.0", "development build"},
		{"not a version", "devel", "v0.1.0", "development build (devel)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pin, note := workflowPin(tc.version)
			if pin != tc.pin || !strings.Contains(note, tc.note) {
				t.Errorf("workflowPin(%q) = %q, %q; want %q and a note with %q", tc.version, pin, note, tc.pin, tc.note)
			}
		})
	}
}

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

// testPartner is the partner account the tests' scaffolds trust, and
// testExternalID the external id it issued.
const (
	testPartner    = "307946518231"
	testExternalID = "tmc-5b0e9c27d4a1f3e86c2b7a9d0f4e1c38"
)

// initProject runs `teramotc init -partner-account-id=testPartner
// -partner-external-id=testExternalID DIR` in a temporary directory.
func initProject(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "project")
	env, _, stderr := testEnv("")
	if code := run(env, []string{"init", "-partner-account-id=" + testPartner, "-partner-external-id=" + testExternalID, dir}); code != 0 {
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
	if n := len(loaded.Spec.Grants); n != 1 || loaded.Spec.Grants[0].Role == nil {
		t.Fatalf("scaffold has %d grants, want the one with a cross-account role", n)
	}
	if got := loaded.Spec.Grants[0].Role.TrustedAccountID.Value; got != testPartner {
		t.Errorf("the role trusts %q, want the -partner-account-id %q", got, testPartner)
	}
}

// TestInitExternalID: init writes the external id -partner-external-id gives as
// the variable's default and never makes one up; a value STS would refuse
// is an error that does not echo it.
func TestInitExternalID(t *testing.T) {
	for _, tc := range []struct {
		name, flag string
		code       int
		want       []string // in main.hcl, or in stderr when code is 1
		unwanted   []string // in main.hcl, or in stderr when code is 1
		missing    bool     // init's output asks for external_id
	}{
		{"given", "-partner-external-id=" + testExternalID, 0,
			[]string{`default = "` + testExternalID + `"`, "AWS does\n  # not treat"}, nil, false},
		{"two dashes", "--partner-external-id=" + testExternalID, 0, []string{`default = "` + testExternalID + `"`}, nil, false},
		{"absent: no default is made up", "", 0,
			[]string{"No default on purpose: the partner issues the external id"}, []string{"tmc-", "{{"}, true},
		{"one character", "-partner-external-id=x", 1, []string{"-partner-external-id: an external id is 2 to 1224"}, nil, false},
		{"a space", "-partner-external-id=my secret", 1, []string{"(the value is not shown: it is sensitive)"}, []string{"my secret"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "project")
			args := []string{"init", "-partner-account-id=" + testPartner}
			if tc.flag != "" {
				args = append(args, tc.flag)
			}
			env, stdout, stderr := testEnv("")
			if code := run(env, append(args, dir)); code != tc.code {
				t.Fatalf("init exited %d, want %d: %s", code, tc.code, stderr)
			}
			got := stderr.String()
			if tc.code == 0 {
				src, _ := os.ReadFile(filepath.Join(dir, "main.hcl"))
				got = string(src)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q:\n%s", w, got)
				}
			}
			for _, u := range tc.unwanted {
				if strings.Contains(got, u) {
					t.Errorf("has %q:\n%s", u, got)
				}
			}
			if asks := strings.Contains(stdout.String(), "external_id"); asks != tc.missing {
				t.Errorf("init's output asks for external_id: %v, want %v:\n%s", asks, tc.missing, stdout)
			}
		})
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

// TestInitWithoutPartner: without -partner-account-id the scaffold trusts no
// account. Its variable partner_account_id has no default, so every command
// that loads the spec fails with a diagnostic that names the variable and
// says how to give it, and init says so; a value given on the command line
// or in the environment makes it valid.
func TestInitWithoutPartner(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "project")
	env, stdout, stderr := testEnv("")
	if code := run(env, []string{"init", dir}); code != 0 {
		t.Fatalf("init exited %d: %s", code, stderr)
	}
	for _, want := range []string{"variables partner_account_id and external_id", "have no default", "CI workflow fail",
		filepath.Join(dir, "main.hcl"), "-var partner_account_id=VALUE", "TERAMOTC_VAR_partner_account_id=VALUE",
		"-var external_id=VALUE", "TERAMOTC_VAR_external_id=VALUE"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("init's output lacks %q:\n%s", want, stdout)
		}
	}
	src, err := os.ReadFile(filepath.Join(dir, "main.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(src, []byte("210987654321")) || bytes.Contains(src, []byte("{{")) {
		t.Errorf("main.hcl has a placeholder partner account or a template action:\n%s", src)
	}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"validate", []string{"validate", dir}},
		{"lint", []string{"lint", "-policy", filepath.Join(dir, "policy"), dir}},
		{"render", []string{"render", "-o", "-", dir}},
		{"plan", []string{"plan", dir}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env, stdout, stderr := testEnv("")
			if code := run(env, tc.args); code != 1 {
				t.Fatalf("%s exited %d, want 1:\n%s%s", tc.name, code, stdout, stderr)
			}
			out := stdout.String() + stderr.String()
			for _, want := range []string{"No value for required variable", `variable "partner_account_id"`,
				"-var 'partner_account_id=VALUE'", "TERAMOTC_VAR_partner_account_id", "default"} {
				if !strings.Contains(out, want) {
					t.Errorf("%s's output lacks %q:\n%s", tc.name, want, out)
				}
			}
		})
	}
	for _, tc := range []struct {
		name string
		opts spec.Options
	}{
		{"-var", spec.Options{Vars: []string{"partner_account_id=444455556666", "external_id=" + testExternalID}}},
		{"environment", spec.Options{Environ: []string{"TERAMOTC_VAR_partner_account_id=444455556666", "TERAMOTC_VAR_external_id=" + testExternalID}}},
	} {
		t.Run("value from "+tc.name, func(t *testing.T) {
			loaded, diags := spec.Load(dir, tc.opts)
			if diags.HasErrors() {
				t.Fatalf("invalid with a partner account from %s: %v", tc.name, diags)
			}
			if got := loaded.Spec.Grants[0].Role.TrustedAccountID.Value; got != "444455556666" {
				t.Errorf("the role trusts %q, want 444455556666", got)
			}
		})
	}
}

func TestInitPartnerAccountFlag(t *testing.T) {
	for _, tc := range []struct {
		name, flag string
		code       int
		want       string // in main.hcl, or in stderr when code is 1
	}{
		{"one dash", "-partner-account-id=444455556666", 0, `default     = "444455556666"`},
		{"two dashes", "--partner-account-id=444455556666", 0, `default     = "444455556666"`},
		{"too short", "-partner-account-id=1234", 1, `-partner-account-id="1234": an AWS account id is 12 digits`},
		{"not digits", "-partner-account-id=4444-5555-6666", 1, "an AWS account id is 12 digits"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "project")
			env, stdout, stderr := testEnv("")
			if code := run(env, []string{"init", tc.flag, dir}); code != tc.code {
				t.Fatalf("init %s exited %d, want %d: %s", tc.flag, code, tc.code, stderr)
			}
			if tc.code != 0 {
				if !strings.Contains(stderr.String(), tc.want) {
					t.Errorf("stderr lacks %q: %s", tc.want, stderr)
				}
				if _, err := os.Stat(dir); err == nil {
					t.Error("init wrote a project despite the bad flag")
				}
				return
			}
			src, _ := os.ReadFile(filepath.Join(dir, "main.hcl"))
			if !strings.Contains(string(src), tc.want) {
				t.Errorf("main.hcl lacks %q", tc.want)
			}
			if strings.Contains(stdout.String(), "partner_account_id") {
				t.Errorf("init asks for the partner account it was given:\n%s", stdout)
			}
		})
	}
}

package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// ghStep is a step of a GitHub Actions job, as far as the tests run it.
type ghStep struct {
	Name  string            `yaml:"name"`
	Uses  string            `yaml:"uses"`
	Run   string            `yaml:"run"`
	Shell string            `yaml:"shell"`
	If    string            `yaml:"if"`
	ID    string            `yaml:"id"`
	With  map[string]string `yaml:"with"`
}

// workflowSteps returns the steps of the one job of the workflow that
// `teramotc init` wrote into dir.
func workflowSteps(t *testing.T, dir string) []ghStep {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, ".github/workflows/teramotc.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []ghStep `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(b, &wf); err != nil || len(wf.Jobs) != 1 {
		t.Fatalf("workflow: %v (%d jobs, want 1)", err, len(wf.Jobs))
	}
	for _, j := range wf.Jobs {
		return j.Steps
	}
	return nil
}

// ghRun runs a workflow's steps in dir the way a runner would for event
// ("pull_request", "push"): each run script with bash -eo pipefail (the
// teramotc it calls is this test binary, which TestMain puts on PATH), and a
// checkout into a sub-directory (the base branch's files) by base, which
// fills that directory. only, when not "", picks the run steps that call
// "teramotc ONLY". It returns the output of those steps, the teramotc steps
// that ran, and RUNNER_TEMP.
func ghRun(t *testing.T, dir, event, only string, steps []ghStep, base func(t *testing.T, dir string)) (out string, ran []string, tmp string) {
	t.Helper()
	tmp = t.TempDir()
	var buf bytes.Buffer
	for _, s := range steps {
		p := s.With["path"]
		isBase := strings.HasPrefix(s.Uses, "actions/checkout@") && p != ""
		if (s.Uses != "" && !isBase) || !ghIf(t, s.If, event) {
			continue
		}
		if isBase {
			base(t, filepath.Join(dir, p))
			continue
		}
		cmd, ok := strings.CutPrefix(strings.TrimSpace(s.Run), "teramotc ")
		if !ok {
			_, cmd, ok = strings.Cut(s.Run, "\nteramotc ")
		}
		if !ok || (only != "" && !strings.HasPrefix(cmd, only+" ")) {
			continue
		}
		ran = append(ran, strings.Fields(cmd)[0])
		c := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s.Run)
		c.Dir, c.Stdout, c.Stderr = dir, &buf, &buf
		c.Env = ghEnv(dir, event, tmp)
		if err := c.Run(); err != nil {
			t.Fatalf("step %q failed (%v):\n%s\n%s", s.Name, err, s.Run, &buf)
		}
	}
	return buf.String(), ran, tmp
}

// ghEnv is the environment of a step of the workflow run for event in dir,
// with RUNNER_TEMP tmp and GITHUB_OUTPUT the file github-output in it.
func ghEnv(dir, event, tmp string) []string {
	return append(os.Environ(), "GITHUB_EVENT_NAME="+event, "RUNNER_TEMP="+tmp,
		"GITHUB_OUTPUT="+filepath.Join(tmp, "github-output"),
		"GITHUB_WORKSPACE="+dir, "NO_COLOR=1", "TERAMOTC_CONFIG=")
}

// ghIf evaluates the if condition of a step, as far as the workflow uses
// them, for a run with no failed step.
func ghIf(t *testing.T, cond, event string) bool {
	t.Helper()
	switch {
	case cond == "" || cond == "success() || failure()":
		return true
	case strings.HasPrefix(cond, "github.event_name == '"):
		return cond == "github.event_name == '"+event+"'"
	}
	t.Fatalf("the test cannot evaluate the step condition %q", cond)
	return false
}

// baseLike returns a base checkout that copies dir (the project as
// scaffolded, with its policy and configuration).
func baseLike(dir string) func(t *testing.T, base string) {
	return func(t *testing.T, base string) {
		t.Helper()
		if err := os.CopyFS(base, os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
	}
}

// TestInitWorkflowRunsInDir runs the steps of the scaffolded workflow the
// way GitHub runs them, from the root of the repository that DIR becomes,
// for a DIR given as a nested relative path: every one succeeds, none names
// the path init was given, and the SARIF report is written under
// RUNNER_TEMP (outside the checkout), where the upload step reads it.
func TestInitWorkflowRunsInDir(t *testing.T) {
	t.Chdir(t.TempDir())
	const dir = "i2/sub/myshare"
	env, _, stderr := testEnv("")
	if code := run(env, []string{"init", "-partner-account-id=" + testPartner, "-partner-external-id=" + testExternalID, dir}); code != 0 {
		t.Fatalf("init exited %d: %s", code, stderr)
	}
	wf, err := os.ReadFile(filepath.Join(dir, ".github/workflows/teramotc.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{dir, "{{.", `{{"`, "@latest"} {
		if bytes.Contains(wf, []byte(bad)) {
			t.Fatalf("workflow has %q (DIR, a template action or @latest):\n%s", bad, wf)
		}
	}
	abs, _ := filepath.Abs(dir)
	scaffold := t.TempDir()
	if err := os.CopyFS(scaffold, os.DirFS(abs)); err != nil {
		t.Fatal(err)
	}
	steps := workflowSteps(t, abs)
	_, ran, tmp := ghRun(t, abs, "pull_request", "", steps, baseLike(scaffold))
	if got := strings.Join(ran, " "); got != "fmt validate policy lint" {
		t.Errorf("ran the teramotc commands %q of the workflow, want fmt, validate, policy test, lint", got)
	}
	if _, err := os.Stat(filepath.Join(tmp, "teramotc.sarif")); err != nil {
		t.Errorf("lint wrote no SARIF report under RUNNER_TEMP: %v", err)
	}
	if _, err := os.Lstat(filepath.Join(abs, "teramotc.sarif")); err == nil {
		t.Error("lint wrote teramotc.sarif into the checkout")
	}
	upload := false
	for _, s := range steps {
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
			upload = s.With["sarif_file"] == "${{ runner.temp }}/teramotc.sarif"
		}
	}
	if !upload {
		t.Error(`the upload-sarif step does not read "${{ runner.temp }}/teramotc.sarif"`)
	}
}

// TestInitWorkflowFailsWithoutPartner: the workflow of a scaffold written
// without -partner-account-id fails at its validate step, naming the
// variable, until main.hcl gives the partner account (init says so).
func TestInitWorkflowFailsWithoutPartner(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "project")
	env, _, stderr := testEnv("")
	if code := run(env, []string{"init", dir}); code != 0 {
		t.Fatalf("init exited %d: %s", code, stderr)
	}
	validate := false
	for _, s := range workflowSteps(t, dir) {
		if strings.TrimSpace(s.Run) != "teramotc validate ." {
			continue
		}
		validate = true
		c := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s.Run)
		c.Dir, c.Env = dir, append(os.Environ(), "NO_COLOR=1", "TERAMOTC_CONFIG=")
		out, err := c.CombinedOutput()
		if err == nil {
			t.Fatalf("the validate step passed on a scaffold without a partner account:\n%s", out)
		}
		if !bytes.Contains(out, []byte(`variable "partner_account_id"`)) {
			t.Errorf("the validate step failed without naming partner_account_id:\n%s", out)
		}
	}
	if !validate {
		t.Fatal(`the workflow has no "teramotc validate ." step`)
	}
}

// TestInitWorkflowPullRequest: the scaffolded workflow lints a pull request
// with the base branch's custom rules and configuration and without its
// inline ignores (docs/security.md), so a pull request cannot silence the
// custom rule ORG001 (owner tag) by deleting it, disabling it in its own
// .teramotc.hcl or adding "# teramotc:ignore"; a push to main refuses
// inline ignores too (else one merged to main would fail every later pull
// request) and lints with the commit's own rules and configuration, which
// it names by their repository paths, not those of a second checkout; a
// base branch without rules or configuration yet lints with the built-in
// defaults; a teramotc.sarif link in the pull request leads nowhere.
func TestInitWorkflowPullRequest(t *testing.T) {
	noOwner := func(t *testing.T, dir string) {
		edit(t, filepath.Join(dir, "main.hcl"), `owner = "data-platform"`, `team = "data-platform"`)
	}
	inlineIgnore := func(t *testing.T, dir string) {
		noOwner(t, dir)
		edit(t, filepath.Join(dir, "main.hcl"), "\nbucket \"", "\n# teramotc:ignore ORG001 -- the platform team owns it\nbucket \"")
	}
	tests := []struct {
		name, event string
		noBase      bool // the base branch has no policy/ nor .teramotc.hcl
		pr          func(t *testing.T, dir string)
		wantORG001  bool
		wantOut     string // in lint's output
	}{
		{"scaffold", "pull_request", false, func(*testing.T, string) {}, false, ".teramotc-base/.teramotc.hcl"},
		{"owner tag removed", "pull_request", false, noOwner, true, ""},
		{"pull request deletes the rule", "pull_request", false, func(t *testing.T, dir string) {
			noOwner(t, dir)
			for _, f := range []string{"owner_tag.rego", "owner_tag_test.rego"} {
				if err := os.Remove(filepath.Join(dir, "policy", f)); err != nil {
					t.Fatal(err)
				}
			}
		}, true, ""},
		{"pull request disables the rule in its configuration", "pull_request", false, func(t *testing.T, dir string) {
			noOwner(t, dir)
			edit(t, filepath.Join(dir, ".teramotc.hcl"), "inline_ignores = false", "inline_ignores = false\nrule \"ORG001\" {\n  enabled = false\n}")
		}, true, ""},
		{"pull request ignores the finding inline", "pull_request", false, inlineIgnore, true, ""},
		{"push refuses merged inline ignores too", "push", false, inlineIgnore, true, ""},
		{"push lints with the commit's configuration, at its path", "push", false, func(t *testing.T, dir string) {
			edit(t, filepath.Join(dir, ".teramotc.hcl"), "inline_ignores = false", "inline_ignores = false\nrule \"ORG001\" {\n  severity = \"notice\"\n}")
		}, false, "(.teramotc.hcl)"},
		{"push runs the commit's rules", "push", false, noOwner, true, ""},
		{"base branch without rules or configuration", "pull_request", true, noOwner, false, ""},
		{"pull request commits teramotc.sarif as a link", "pull_request", false, func(t *testing.T, dir string) {
			if err := os.Symlink(filepath.Join(dir, "victim.txt"), filepath.Join(dir, "teramotc.sarif")); err != nil {
				t.Fatal(err)
			}
		}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := initProject(t)
			scaffold := t.TempDir()
			if err := os.CopyFS(scaffold, os.DirFS(dir)); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "victim.txt"), []byte("precious\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			tt.pr(t, dir)
			base := baseLike(scaffold)
			if tt.noBase {
				base = func(t *testing.T, d string) {
					if err := os.MkdirAll(d, 0o755); err != nil {
						t.Fatal(err)
					}
				}
			}
			out, ran, _ := ghRun(t, dir, tt.event, "lint", workflowSteps(t, dir), base)
			if len(ran) != 1 {
				t.Fatalf("ran %v, want the lint step", ran)
			}
			if got := strings.Contains(out, "title=ORG001"); got != tt.wantORG001 {
				t.Errorf("ORG001 reported: %v, want %v; lint printed:\n%s", got, tt.wantORG001, out)
			}
			if !strings.Contains(out, tt.wantOut) {
				t.Errorf("lint did not print %q:\n%s", tt.wantOut, out)
			}
			if _, err := os.Lstat(filepath.Join(dir, ".teramotc-base")); tt.event == "push" && (err == nil || strings.Contains(out, ".teramotc-base")) {
				t.Errorf("a push checked out or linted with .teramotc-base:\n%s", out)
			}
			if b, _ := os.ReadFile(filepath.Join(dir, "victim.txt")); string(b) != "precious\n" {
				t.Error("lint wrote through a link in the checkout")
			}
		})
	}
}

// edit replaces every old in the file at p with new, and fails when there
// is none.
func edit(t *testing.T, p, old, new string) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil || !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s: %v, or no %q in it", p, err, old)
	}
	if err := os.WriteFile(p, bytes.ReplaceAll(b, []byte(old), []byte(new)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestInitWorkflowUploadsCompleteAnalyses: the workflow's lint step fails
// with lint's exit code, and lets the upload step upload the SARIF report
// only when lint completed its analysis (exit 0 or 2, or 1 with
// executionSuccessful): the report of a spec that does not parse would
// close its alerts in code scanning.
func TestInitWorkflowUploadsCompleteAnalyses(t *testing.T) {
	tests := []struct {
		name     string
		spec     string // appended to main.hcl
		wantCode int
		upload   bool
	}{
		{"scaffold", "", 0, true},
		{"findings at the fail level", "\nbucket \"more\" {\n  name   = \"example-more-bucket\"\n  region = \"us-east-1\"\n  tags   = { owner = \"me\" }\n  block_public_access = false\n}\n", 2, true},
		{"spec that does not parse", "\nbucket \"broken\" {\n", 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := initProject(t)
			if tt.spec != "" {
				f, err := os.OpenFile(filepath.Join(dir, "main.hcl"), os.O_APPEND|os.O_WRONLY, 0)
				if err != nil {
					t.Fatal(err)
				}
				_, err = f.WriteString(tt.spec)
				if err = errors.Join(err, f.Close()); err != nil {
					t.Fatal(err)
				}
			}
			steps := workflowSteps(t, dir)
			var lint *ghStep
			for i, s := range steps {
				if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") && !strings.Contains(s.If, "steps.lint.outputs.upload == 'true'") {
					t.Errorf("the upload step runs if %q, which does not require the lint step's upload output", s.If)
				}
				if s.ID == "lint" {
					lint = &steps[i]
				}
			}
			if lint == nil {
				t.Fatal("the workflow has no step with id lint")
			}
			tmp := t.TempDir()
			c := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", lint.Run)
			c.Dir, c.Env = dir, ghEnv(dir, "push", tmp)
			out, err := c.CombinedOutput()
			code := 0
			if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tt.wantCode {
				t.Errorf("the lint step exited %d, want %d:\n%s", code, tt.wantCode, out)
			}
			b, _ := os.ReadFile(filepath.Join(tmp, "github-output"))
			if got := strings.Contains(string(b), "upload=true"); got != tt.upload {
				t.Errorf("upload output: %v, want %v (outputs %q):\n%s", got, tt.upload, b, out)
			}
		})
	}
}

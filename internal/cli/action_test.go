package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// actionStep is a step of the composite action, as far as the tests run it.
type actionStep struct {
	ID      string            `yaml:"id"`
	Name    string            `yaml:"name"`
	Uses    string            `yaml:"uses"`
	If      string            `yaml:"if"`
	Shell   string            `yaml:"shell"`
	Run     string            `yaml:"run"`
	WorkDir string            `yaml:"working-directory"`
	Env     map[string]string `yaml:"env"`
	With    map[string]string `yaml:"with"`
}

// action is the repository's action.yml, as far as the tests read it.
type action struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

func readAction(t *testing.T) action {
	t.Helper()
	b, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// step returns the action's step with the id.
func (a action) step(t *testing.T, id string) actionStep {
	t.Helper()
	for _, s := range a.Runs.Steps {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("action.yml has no step with id %q", id)
	return actionStep{}
}

// runActionStep runs a step of the action as a runner would in the
// repository root repo, with the inputs given (the others at their
// defaults): its script with bash -eo pipefail, in its working-directory,
// with its env whose ${{ inputs.NAME }} values are the inputs. The
// teramotc it calls is this test binary (TestMain puts it on PATH). It
// returns what the step printed, and the outputs it wrote to
// GITHUB_OUTPUT.
func runActionStep(t *testing.T, a action, id, repo string, inputs map[string]string) (string, map[string]string) {
	t.Helper()
	out, outputs, code := runActionStepCode(t, a, id, repo, inputs)
	if code != 0 {
		t.Fatalf("step %q failed (exit %d):\n%s", id, code, out)
	}
	return out, outputs
}

// runActionStepCode is runActionStep for a step that may fail: it also
// returns the step's exit code.
func runActionStepCode(t *testing.T, a action, id, repo string, inputs map[string]string) (string, map[string]string, int) {
	t.Helper()
	s := a.step(t, id)
	if s.Shell != "bash" {
		t.Fatalf("step %q: shell %q, want bash", id, s.Shell)
	}
	input := func(v string) string {
		name, ok := strings.CutPrefix(v, "${{ inputs.")
		name, ok2 := strings.CutSuffix(name, " }}")
		if !ok || !ok2 {
			t.Fatalf("step %q: the test cannot evaluate %q", id, v)
		}
		in, known := a.Inputs[name]
		if !known {
			t.Fatalf("step %q uses the undeclared input %q", id, name)
		}
		if v, given := inputs[name]; given {
			return v
		}
		return in.Default
	}
	for name := range inputs {
		if _, ok := a.Inputs[name]; !ok {
			t.Fatalf("action.yml has no input %q", name)
		}
	}
	tmp := t.TempDir()
	outputs := filepath.Join(tmp, "github-output")
	c := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s.Run)
	c.Dir = repo
	if s.WorkDir != "" {
		c.Dir = filepath.Join(repo, input(s.WorkDir))
	}
	c.Env = append(os.Environ(), "RUNNER_TEMP="+tmp, "GITHUB_OUTPUT="+outputs,
		"GITHUB_STEP_SUMMARY="+filepath.Join(tmp, "summary"), "GITHUB_WORKSPACE="+repo,
		"NO_COLOR=1", "TERAMOTC_CONFIG=")
	for k, v := range s.Env {
		c.Env = append(c.Env, k+"="+input(v))
	}
	var out bytes.Buffer
	c.Stdout, c.Stderr = &out, &out
	code := 0
	if err := c.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("step %q did not run (%v):\n%s", id, err, &out)
		}
		code = exit.ExitCode()
	}
	b, err := os.ReadFile(outputs)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		k, v, _ := strings.Cut(l, "=")
		got[k] = v
	}
	return out.String(), got, code
}

// actionRepo returns a git work tree with the files given (slash path:
// content; a content "@DIR" copies that directory of the repository).
func actionRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		p := filepath.Join(repo, filepath.FromSlash(name))
		if src, ok := strings.CutPrefix(content, "@"); ok {
			if err := os.CopyFS(p, os.DirFS(filepath.Join("../..", src))); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return repo
}

// TestActionLint runs the Lint step of action.yml with several inputs:
// the exit code it reports, and the findings it annotates (or not).
func TestActionLint(t *testing.T) {
	a := readAction(t)
	tests := []struct {
		name     string
		files    map[string]string
		inputs   map[string]string
		wantCode string
		want     []string // in the step's output
		wantNot  []string
		partial  bool // analysis-complete=false: lint stopped on an error
	}{
		{
			name: "specs glob expands inside working-directory",
			files: map[string]string{
				"infra/specs/a/main.hcl": prodSpec,
				"specs/b":                "@examples/setup-guide-role", // at the root: not meant
			},
			inputs:   map[string]string{"working-directory": "infra", "specs": "specs/*"},
			wantCode: "2",
			want:     []string{"file=infra/specs/a/main.hcl", "title=TMC307"},
			wantNot:  []string{"specs/b"},
		},
		{
			name:     "default specs: working-directory itself",
			files:    map[string]string{"infra/main.hcl": prodSpec},
			inputs:   map[string]string{"working-directory": "infra"},
			wantCode: "2",
			want:     []string{"file=infra/main.hcl", "title=TMC307"},
		},
		{
			name: "policy: custom rules, relative to working-directory",
			files: map[string]string{
				"infra/specs/a/main.hcl": prodSpec,
				"infra/org/rules":        "@internal/cli/initdata/policy",
			},
			inputs:   map[string]string{"working-directory": "infra", "specs": "specs/a", "policy": "org/rules"},
			wantCode: "2",
			want:     []string{"title=ORG001", "title=TMC307"},
		},
		{
			name: "policy: several directories",
			files: map[string]string{
				"specs/a/main.hcl":      prodSpec,
				"rules/one":             "@internal/cli/initdata/policy",
				"rules/two/always.rego": alwaysRule,
			},
			inputs:   map[string]string{"specs": "specs/a", "policy": "rules/one rules/two"},
			wantCode: "2",
			want:     []string{"title=ORG001", "title=ORG002"},
		},
		{
			name: "without config: the spec's own configuration (a pull request's)",
			files: map[string]string{
				"specs/a/main.hcl":      prodSpec,
				"specs/a/.teramotc.hcl": ruleOff("TMC307"),
			},
			inputs:   map[string]string{"specs": "specs/a"},
			wantCode: "0",
			wantNot:  []string{"title=TMC307"},
		},
		{
			name: "config: replaces the spec's own configuration",
			files: map[string]string{
				"infra/specs/a/main.hcl":      prodSpec,
				"infra/specs/a/.teramotc.hcl": ruleOff("TMC307"),
				"infra/base/.teramotc.hcl":    "inline_ignores = true\n",
			},
			inputs:   map[string]string{"working-directory": "infra", "specs": "specs/a", "config": "base/.teramotc.hcl"},
			wantCode: "2",
			want:     []string{"title=TMC307"},
		},
		{
			name:     "inline ignores honoured by default",
			files:    map[string]string{"specs/a/main.hcl": inlineIgnored},
			inputs:   map[string]string{"specs": "specs/a"},
			wantCode: "0",
			wantNot:  []string{"title=TMC307"},
		},
		{
			name:     "no-inline-ignores",
			files:    map[string]string{"specs/a/main.hcl": inlineIgnored},
			inputs:   map[string]string{"specs": "specs/a", "no-inline-ignores": "true"},
			wantCode: "2",
			want:     []string{"title=TMC307"},
		},
		{
			name:     "invalid spec: analysis not complete",
			files:    map[string]string{"specs/a/main.hcl": prodSpec, "specs/bad/main.hcl": "bucket \"data\" {\n"},
			inputs:   map[string]string{"specs": "specs/*/"},
			wantCode: "1",
			want:     []string{"title=TMC307", "title=teramotc SARIF not uploaded"},
			partial:  true,
		},
		{
			name:     "missing policy directory: analysis not complete",
			files:    map[string]string{"specs/a/main.hcl": prodSpec},
			inputs:   map[string]string{"specs": "specs/a", "policy": "nope"},
			wantCode: "1",
			want:     []string{"title=teramotc SARIF not uploaded"},
			partial:  true,
		},
		{
			name:     "hard rule finding: exit 1 after a complete analysis",
			files:    map[string]string{"specs/a/main.hcl": strings.Replace(prodSpec, "  versioning = false", "  versioning = false\n  tags       = { \"aws:x\" = \"y\" }", 1)},
			inputs:   map[string]string{"specs": "specs/a"},
			wantCode: "1",
			want:     []string{"title=TMC703", "title=TMC307"},
			wantNot:  []string{"SARIF not uploaded"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := actionRepo(t, tt.files)
			out, outputs := runActionStep(t, a, "lint", repo, tt.inputs)
			if outputs["exit-code"] != tt.wantCode {
				t.Errorf("exit-code=%q, want %q; the step printed:\n%s", outputs["exit-code"], tt.wantCode, out)
			}
			if want := strconv.FormatBool(!tt.partial); outputs["analysis-complete"] != want {
				t.Errorf("analysis-complete=%q, want %q; the step printed:\n%s", outputs["analysis-complete"], want, out)
			}
			if fi, err := os.Stat(outputs["sarif-file"]); err != nil || fi.Size() == 0 {
				t.Errorf("no SARIF report at sarif-file=%q: %v", outputs["sarif-file"], err)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("the step did not print %q:\n%s", w, out)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(out, w) {
					t.Errorf("the step printed %q:\n%s", w, out)
				}
			}
		})
	}
}

// inlineIgnored is prodSpec with its TMC307 finding ignored inline.
var inlineIgnored = strings.Replace(prodSpec, "  versioning = false", "  # teramotc:ignore TMC307 -- accepted by the data owner\n  versioning = false", 1)

// ruleOff returns a .teramotc.hcl that turns the rule off.
func ruleOff(id string) string {
	return "rule \"" + id + "\" {\n  enabled = false\n}\n"
}

// alwaysRule is a custom rule that reports one notice (ORG002).
const alwaysRule = `# METADATA
# title: Always
# description: A test rule that always reports.
# custom:
#   id: ORG002
#   severity: notice
package teramotc.rules.always

deny contains {"msg": "always"}
`

// TestActionUploadsCompleteAnalyses: the upload step runs only for a report
// of a complete analysis (the Lint step's analysis-complete), since one of
// a failed analysis would close the alerts of what it could not read.
func TestActionUploadsCompleteAnalyses(t *testing.T) {
	a := readAction(t)
	for _, s := range a.Runs.Steps {
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
			if !strings.Contains(s.If, "steps.lint.outputs.analysis-complete == 'true'") {
				t.Errorf("the upload step runs if %q, which does not require analysis-complete", s.If)
			}
			return
		}
	}
	t.Fatal("action.yml has no upload-sarif step")
}

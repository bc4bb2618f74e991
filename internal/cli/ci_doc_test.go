package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// ciDocSteps returns the workflow steps of the first yaml block under the
// heading of docs/ci.md.
func ciDocSteps(t *testing.T, heading string) []ghStep {
	t.Helper()
	b, err := os.ReadFile("../../docs/ci.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "\n"+heading+"\n")
	m := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindStringSubmatch(section)
	if !ok || m == nil {
		t.Fatalf("docs/ci.md has no yaml block under %q", heading)
	}
	var steps []ghStep
	if err := yaml.Unmarshal([]byte(m[1]), &steps); err != nil || len(steps) == 0 {
		t.Fatalf("the example under %q of docs/ci.md: %v (%d steps)", heading, err, len(steps))
	}
	return steps
}

// ghShell returns the command line GitHub runs a step's script with on a
// Linux runner (workflow syntax, jobs.<id>.steps[*].shell): bash -e
// without a shell key, bash -eo pipefail with shell: bash.
func ghShell(t *testing.T, s ghStep) []string {
	t.Helper()
	switch s.Shell {
	case "":
		return []string{"bash", "-e", "-c", s.Run}
	case "bash":
		return []string{"bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s.Run}
	}
	t.Fatalf("step %q: shell %q is not one the test knows", s.Name, s.Shell)
	return nil
}

// prodSpec has an error finding (TMC307: a grant may delete from an
// unversioned bucket) on a line that a pull request need not touch.
const prodSpec = `aws {
  account_id = "111122223333"
}

bucket "data" {
  name       = "teramot-prod-example"
  region     = "us-east-1"
  versioning = false
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read", "write", "delete", "list"]

  iam_user {
    name        = "partner-user"
    policy_name = "partner-s3"
  }
}
`

// TestCIDocReviewdog runs the reviewdog step of docs/ci.md as GitHub would,
// with a stand-in reviewdog that reads its input and reports nothing (as
// the real one does for findings outside the lines a pull request added):
// the step's status is lint's, so an invalid spec or an error finding
// fails it whatever reviewdog says, and reviewdog is given lint's
// Checkstyle report.
func TestCIDocReviewdog(t *testing.T) {
	steps := ciDocSteps(t, "## reviewdog (Checkstyle)")
	if len(steps) != 1 {
		t.Fatalf("the reviewdog example has %d steps, want 1", len(steps))
	}
	step := steps[0]
	bin := t.TempDir()
	fake := "#!/bin/sh\ncat > \"$REVIEWDOG_INPUT\"\nexit 0\n"
	if err := os.WriteFile(filepath.Join(bin, "reviewdog"), []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		spec func(t *testing.T, dir string)
		want int
	}{
		{"warnings only", writeMain("bucket \"data\" {\n  name   = \"teramot-ci-example\"\n  region = \"us-east-1\"\n}\n"), 0},
		{"error finding", writeMain(prodSpec), 2},
		{"invalid spec", writeMain("bucket \"data\" {\n"), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo, tmp := t.TempDir(), t.TempDir()
			spec := filepath.Join(repo, "specs", "prod")
			tt.spec(t, spec)
			input := filepath.Join(tmp, "reviewdog-input")
			args := ghShell(t, step)
			c := exec.Command(args[0], args[1:]...)
			var out bytes.Buffer
			c.Dir, c.Stdout, c.Stderr = repo, &out, &out
			c.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
				"RUNNER_TEMP="+tmp, "REVIEWDOG_INPUT="+input, "NO_COLOR=1", "TERAMOTC_CONFIG=")
			err := c.Run()
			code := 0
			if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tt.want {
				t.Errorf("the step exited %d, want %d (lint's code):\n%s\n%s", code, tt.want, step.Run, &out)
			}
			if b, _ := os.ReadFile(input); !bytes.Contains(b, []byte("<checkstyle")) {
				t.Errorf("reviewdog was not given lint's Checkstyle report, but %q", b)
			}
		})
	}
}

// writeMain returns a function that writes src as dir/main.hcl.
func writeMain(src string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

package hardening

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teramot/teramotc/internal/testenv"
)

// TestOfflineCommandsNeedNoNetwork runs the commands that pull-request CI runs
// on untrusted specs inside a fresh network namespace (unshare -n: no
// interface but a downed loopback). Any attempt to reach the network would
// fail there; the commands must still give their normal results.
func TestOfflineCommandsNeedNoNetwork(t *testing.T) {
	unshare := testenv.RequireBinary(t, "unshare", "util-linux")
	if err := exec.Command(unshare, "-n", "true").Run(); err != nil {
		testenv.Missing(t, "unshare -n is not permitted here (needs root or user namespaces): "+err.Error())
	}
	bin := teramotc(t)
	out := t.TempDir()
	fmtDir := t.TempDir()
	src, err := os.ReadFile(repoPath("examples", "setup-guide-role", "main.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(fmtDir, "main.hcl"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	role, user, minimal := repoPath("examples", "setup-guide-role"), repoPath("examples", "setup-guide-user"), repoPath("examples", "minimal")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string
	}{
		{"validate", []string{"validate", role, user, minimal}, 0, ""},
		{"lint", []string{"lint", "-f", "json", role, user, minimal}, 0, `"format_version"`},
		{"lint sarif", []string{"lint", "-f", "sarif", role}, 0, `"runs"`},
		{"render", []string{"render", role, "-o", out}, 0, ""},
		{"render check", []string{"render", role, "-check", repoPath("examples", "setup-guide-role", "rendered")}, 0, ""},
		{"inspect", []string{"inspect", user}, 0, `"buckets"`},
		{"fmt check", []string{"fmt", "-check", fmtDir}, 0, ""},
		{"rules", []string{"rules", "-f", "json"}, 0, "TMC101"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(unshare, append([]string{"-n", bin}, tc.args...)...)
			// Point every AWS setting at an address that would need a network,
			// so an accidental SDK call cannot succeed quietly.
			cmd.Env = append(os.Environ(), "AWS_ENDPOINT_URL=http://192.0.2.1:9", "AWS_EC2_METADATA_DISABLED=true", "NO_COLOR=1")
			if strings.HasPrefix(tc.name, "lint") {
				// The role example's defaults are placeholders that lint
				// rejects (TMC604, TMC602): give the values a user sets.
				cmd.Env = append(cmd.Env, "TERAMOTC_VAR_teramot_account_id=913476520813", "TERAMOTC_VAR_external_id=4c8e1a6f-9b2d-4e7a-b3c5-d1f0e8a29b67")
			}
			b, err := cmd.CombinedOutput()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.wantCode {
				t.Fatalf("teramotc %s exited %d under unshare -n, want %d:\n%s", strings.Join(tc.args, " "), code, tc.wantCode, b)
			}
			if !strings.Contains(string(b), tc.wantOut) {
				t.Errorf("output lacks %q:\n%s", tc.wantOut, b)
			}
		})
	}
}

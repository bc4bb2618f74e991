//go:build unix

package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/rules"
)

// endlessTest never finishes by itself (10^10 steps, in constant memory);
// test_quick passes at once, so an interrupted run has a result it must
// not print.
const endlessTest = `package acme.endless_test

test_quick if {
	1 == 1
}

found if {
	some i in numbers.range(1, 100000)
	some j in numbers.range(1, 100000)
	i * j == -1
}

test_endless if {
	not found
}
`

// TestPolicyTestInterrupt sends SIGINT to a running "teramotc policy
// test": it stops promptly, says it was interrupted, prints no PASS and no
// result, and exits 1 like an interrupted apply or plan.
func TestPolicyTestInterrupt(t *testing.T) {
	bin, err := exec.LookPath("teramotc") // put on PATH by testscript.Main
	if err != nil {
		t.Fatalf("teramotc is not on PATH: %v", err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "endless_test.rego"), []byte(endlessTest), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(bin, "policy", "test", "-v", dir)
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			cmd.Env = append(os.Environ(), "NO_COLOR=1")
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			waitBusy(t, cmd.Process.Pid, done)
			sent := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			select {
			case err = <-done:
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("policy test still running 30s after %s\nstdout:\n%s\nstderr:\n%s", sig, &stdout, &stderr)
			}
			// Unstopped, the run never ends; 10s leaves room for a loaded
			// machine (it takes well under a second).
			if took := time.Since(sent); took > 10*time.Second {
				t.Errorf("policy test took %s to stop after %s, want under 10s", took.Round(time.Millisecond), sig)
			}
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != view.ExitError {
				t.Errorf("exit: %v (%s), want exit code %d\nstderr:\n%s", err, cmd.ProcessState, view.ExitError, &stderr)
			}
			if !strings.Contains(stderr.String(), "Error: Policy tests interrupted") {
				t.Errorf("stderr does not say the run was interrupted:\n%s", &stderr)
			}
			if strings.Contains(stdout.String(), "PASS") || stdout.Len() > 0 {
				t.Errorf("an interrupted run printed results:\n%s", &stdout)
			}
		})
	}
}

// waitBusy waits until the process pid has used 0.3 s of CPU time (it is
// then compiling or running the tests, well past installing its signal
// handler), or, without /proc, for two seconds. It fails the test if the
// process ends first.
func waitBusy(t *testing.T, pid int, done chan error) {
	t.Helper()
	stat := filepath.Join("/proc", strconv.Itoa(pid), "stat")
	if _, err := os.Stat(stat); err != nil {
		time.Sleep(2 * time.Second)
		return
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			done <- err
			t.Fatalf("policy test ended before it was interrupted: %v", err)
		case <-time.After(50 * time.Millisecond):
		}
		b, err := os.ReadFile(stat)
		if err != nil {
			continue
		}
		// fields after the command name in parentheses: utime is the 14th
		// field of the line, stime the 15th, in clock ticks (1/100 s)
		f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
		if len(f) < 13 {
			continue
		}
		utime, _ := strconv.Atoi(f[11])
		stime, _ := strconv.Atoi(f[12])
		if utime+stime >= 30 {
			return
		}
	}
	t.Fatal("policy test used no CPU for 30s")
}

// TestPolicyInterruptedMessage: an interrupt is reported as such whatever
// the run returned: how far it got when the run says so, else a plain
// message; never an internal error.
func TestPolicyInterruptedMessage(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "endless_test.rego"), []byte(endlessTest), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // interrupted before any test ran
	_, cut := rules.TestPolicies(ctx, rules.TestOptions{Dirs: []string{dir}})
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"every test had finished", nil, "The run was interrupted. No result is reported"},
		{"cut short", cut, "The run stopped after 0 of 2 tests"},
		{"a bare cancellation", fmt.Errorf("running tests: %w", context.Canceled), "The run was interrupted."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env, stdout, stderr := testEnv("")
			if code := policyInterrupted(env, tc.err); code != view.ExitError {
				t.Errorf("exit %d, want %d", code, view.ExitError)
			}
			got := stderr.String()
			if !strings.HasPrefix(got, "Error: Policy tests interrupted\n") || !strings.Contains(got, tc.want) || strings.Contains(got, "report it") {
				t.Errorf("stderr:\n%s\nwant the interrupt, with %q", got, tc.want)
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout: %s", stdout)
			}
		})
	}
}

package hardening

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// customPolicy writes a one-rule custom policy whose deny body is body and
// returns its directory.
func customPolicy(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	src := "# METADATA\n# title: Hostile\n# custom:\n#   id: EVIL001\n#   severity: error\npackage teramotc.rules.hostile\n\ndeny contains \"x\" if {\n\t" + body + "\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "hostile.rego"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestCustomPolicyBuiltinsWithheld: a custom policy from an untrusted pull
// request cannot reach the network or the runtime. Calls to http.send,
// net.lookup_ip_addr, opa.runtime and the other non-deterministic built-ins
// are compile errors naming the function and the flag that allows them;
// with -allow-network-builtins the same policies compile.
func TestCustomPolicyBuiltinsWithheld(t *testing.T) {
	bin := teramotc(t)
	spec := repoPath("examples", "minimal")
	tests := []struct {
		name, fn, body string
	}{
		{"http.send", "http.send", `http.send({"method": "GET", "url": "http://127.0.0.1:9/"}).status_code == 200`},
		{"net.lookup_ip_addr", "net.lookup_ip_addr", `count(net.lookup_ip_addr("example.com")) > 0`},
		{"opa.runtime", "opa.runtime", `opa.runtime().env.HOME != ""`},
		{"time.now_ns", "time.now_ns", `time.now_ns() > 0`},
		{"rand.intn", "rand.intn", `rand.intn("x", 10) == 3`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pol := customPolicy(t, tc.body)
			out, code, _ := run(t, bin, "lint", "-f", "compact", "-policy", pol, spec)
			if code != 1 {
				t.Fatalf("lint with a policy calling %s exited %d, want 1:\n%s", tc.fn, code, out)
			}
			for _, want := range []string{"hostile.rego:9", tc.fn + " is not available to policies", "-allow-network-builtins"} {
				if !strings.Contains(out, want) {
					t.Errorf("the compile error lacks %q:\n%s", want, out)
				}
			}
			out, code, _ = run(t, bin, "policy", "test", pol)
			if code != 1 || !strings.Contains(out, tc.fn+" is not available to policies") {
				t.Errorf("policy test with a policy calling %s exited %d, want 1 naming it:\n%s", tc.fn, code, out)
			}
			out, code, _ = run(t, bin, "lint", "-f", "compact", "-allow-network-builtins", "-policy", pol, spec)
			if strings.Contains(out, "rego_type_error") || (code != 0 && code != 2) {
				t.Errorf("with -allow-network-builtins, lint exited %d:\n%s", code, out)
			}
		})
	}
}

// TestPolicyEvaluationDeadline: a custom policy that would run for minutes
// is stopped by -timeout with a diagnostic and exit 1.
func TestPolicyEvaluationDeadline(t *testing.T) {
	bin := teramotc(t)
	pol := customPolicy(t, "some i in numbers.range(1, 5000)\n\tsome j in numbers.range(1, 5000)\n\tsome k in numbers.range(1, 1000)\n\ti * j * k == -1")
	out, code, took := run(t, bin, "lint", "-timeout", "3s", "-policy", pol, repoPath("examples", "minimal"))
	if code != 1 {
		t.Errorf("exit %d, want 1:\n%s", code, out)
	}
	if !strings.Contains(out, "deadline exceeded") && !strings.Contains(out, "timeout") {
		t.Errorf("the diagnostic does not say the deadline passed:\n%s", out)
	}
	if took > 30*time.Second {
		t.Errorf("lint -timeout 3s ran for %v", took)
	}
}

// TestLintManySpecsMemoryBounded lints 100 copies of an example in one run
// and bounds the growth of the peak resident set over linting 2 of them.
func TestLintManySpecsMemoryBounded(t *testing.T) {
	bin := teramotc(t)
	base := t.TempDir()
	src := repoPath("examples", "setup-guide-role")
	files, err := filepath.Glob(filepath.Join(src, "*.hcl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no example files: %v", err)
	}
	var dirs []string
	for i := range 100 {
		dir := filepath.Join(base, "spec"+string(rune('a'+i/26))+string(rune('a'+i%26)))
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		dirs = append(dirs, dir)
	}
	peak := func(dirs []string) int64 {
		cmd := exec.Command(bin, append([]string{"lint", "-no-fail", "-f", "json"}, dirs...)...)
		cmd.Env = append(os.Environ(), "GOMAXPROCS=2")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("lint: %v\n%s", err, head(string(out)))
		}
		return cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
	}
	few, all := peak(dirs[:2]), peak(dirs)
	t.Logf("peak RSS: 2 specs %d MiB, %d specs %d MiB", few>>10, len(dirs), all>>10)
	// Results are kept for the report, so some growth is expected; the
	// bound catches per-spec costs of megabytes (a policy compilation, an
	// evaluation cache or a file kept per spec). GC pacing makes the peak
	// noisy, hence the fixed slack.
	const slack, perSpec = 32 << 10, 1 << 10 // KiB
	if growth := all - few; growth > slack+int64(len(dirs))*perSpec {
		t.Errorf("linting %d specs grew the peak RSS by %d MiB over 2 specs (limit %d MiB + %d KiB per spec)", len(dirs), growth>>10, slack>>10, perSpec)
	}
}

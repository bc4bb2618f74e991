package hardening

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const bucketHCL = "bucket \"data\" {\n  name   = \"teramot-limits\"\n  region = \"us-east-1\"\n}\n"

// TestHostileInputLimits runs the offline commands (fmt included) on inputs
// built to exhaust memory or time. Each must exit 1 within a few seconds with an error
// diagnostic naming the file and the line, and never panic.
func TestHostileInputLimits(t *testing.T) {
	bin := teramotc(t)
	tests := []struct {
		name    string
		src     []byte
		line    int
		summary string
	}{
		{"file 5MB", append([]byte(bucketHCL), bytes.Repeat([]byte("# padding padding padding\n"), 5<<20/26)...), 1, "File too large"},
		{"nested blocks 100000", nested(100000), 65, "Nesting too deep"},
		{"blocks 20000", many(20000), 30001, "Too many blocks"},
		{"string 2MB", []byte("bucket \"data\" {\n  region = \"us-east-1\"\n  name   = \"" + strings.Repeat("a", 2<<20) + "\"\n}\n"), 3, "String too long"},
		{"brackets 100000", []byte("locals {\n  x = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n}\n"), 2, "Nesting too deep"},
		{"interpolations 5000", []byte("locals {\n  x = \"" + strings.Repeat(`${"`, 5000) + strings.Repeat(`"}`, 5000) + "\"\n}\n"), 2, "Nesting too deep"},
		{"binary", append([]byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, bytes.Repeat([]byte{0, 0xff, 0x13}, 4096)...), 1, "Binary file"},
		{"invalid UTF-8", append([]byte(bucketHCL+"# caf"), 0xe9, '\n'), 5, "Invalid character encoding"},
		{"unclosed block", []byte("bucket \"data\" {\n  name = \"x\"\n"), 1, "Unclosed configuration block"},
		{"empty", nil, 1, "Empty spec"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			file := filepath.Join(dir, "main.hcl")
			if err := os.WriteFile(file, tc.src, 0o644); err != nil {
				t.Fatal(err)
			}
			cmds := [][]string{{"validate"}, {"lint", "-f", "compact"}, {"inspect"}}
			if tc.summary != "Empty spec" && tc.summary != "Too many blocks" { // fine for fmt
				cmds = append(cmds, []string{"fmt", "-check"})
			}
			for _, args := range cmds {
				out, code, took := run(t, bin, append(args, dir)...)
				cmd := strings.Join(args, " ")
				if code != 1 {
					t.Errorf("%s exited %d, want 1:\n%s", cmd, code, head(out))
				}
				if took > 20*time.Second {
					t.Errorf("%s took %v", cmd, took)
				}
				if strings.Contains(out, "panic") || strings.Contains(out, "goroutine ") {
					t.Errorf("%s panicked:\n%s", cmd, head(out))
				}
				if !strings.Contains(out, tc.summary) {
					t.Errorf("%s does not report %q:\n%s", cmd, tc.summary, head(out))
				}
				var where string
				if args[0] == "lint" {
					where = fmt.Sprintf("%s:%d:", file, tc.line)
				} else {
					where = fmt.Sprintf("on %s line %d", file, tc.line)
				}
				if !strings.Contains(out, where) {
					t.Errorf("%s does not name %q:\n%s", cmd, where, head(out))
				}
			}
		})
	}
}

// nested returns n blocks each nested in the previous one.
func nested(n int) []byte {
	var b strings.Builder
	for range n {
		b.WriteString("a {\n")
	}
	for range n {
		b.WriteString("}\n")
	}
	return []byte(b.String())
}

// many returns n bucket blocks of three lines each, then a blank line.
func many(n int) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "bucket \"b%d\" {\n  region = \"us-east-1\"\n}\n", i)
	}
	return []byte(b.String())
}

// run runs the binary in a fresh directory and returns its combined output,
// exit code and duration.
func run(t *testing.T, bin string, args ...string) (string, int, time.Duration) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	cmd.Dir = t.TempDir()
	start := time.Now()
	b, err := cmd.CombinedOutput()
	took := time.Since(start)
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return string(b), code, took
}

// head shortens output for an error message.
func head(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "\n[...]"
	}
	return s
}

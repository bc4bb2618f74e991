package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestColorPerStream checks that diagnostics on stderr are coloured when
// stderr is a terminal, whatever stdout is, and never when it is not (a
// redirected stderr gets no escape codes), NO_COLOR and -no-color still
// turning colour off.
func TestColorPerStream(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "bad.hcl")
	if err := os.WriteFile(spec, []byte("bucket \"data\" {\n  nmae = \"x\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                 string
		stdoutTTY, stderrTTY bool
		noColorEnv           string
		args                 []string
		wantColor            bool
	}{
		{"stderr redirected, stdout a terminal", true, false, "", nil, false},
		{"stdout redirected, stderr a terminal", false, true, "", nil, true},
		{"both terminals", true, true, "", nil, true},
		{"both terminals, NO_COLOR", true, true, "1", nil, false},
		{"both terminals, global -no-color", true, true, "", []string{"-no-color"}, false},
		{"both terminals, -no-color after the command", true, true, "", []string{"-no-color=true"}, false},
	}
	for _, tt := range tests {
		for _, command := range []string{"render", "lint"} {
			t.Run(command+"/"+tt.name, func(t *testing.T) {
				env, _, stderr := testEnv("")
				env.IsTerminal, env.ErrIsTerminal = tt.stdoutTTY, tt.stderrTTY
				env.Getenv = func(k string) string {
					if k == "NO_COLOR" {
						return tt.noColorEnv
					}
					return ""
				}
				args := []string{command}
				if command == "render" {
					args = append(args, "-o", filepath.Join(dir, "out"))
				}
				args = append(args, spec)
				if len(tt.args) > 0 && tt.args[0] == "-no-color" {
					args = append([]string{"-no-color"}, args...)
				} else if len(tt.args) > 0 {
					args = append([]string{command, tt.args[0]}, args[1:]...)
				}
				if code := run(env, args); code == 0 {
					t.Fatalf("%s of an invalid spec exited 0", command)
				}
				if !strings.Contains(stderr.String(), "Unsupported argument") {
					t.Fatalf("stderr lacks the diagnostic:\n%s", stderr)
				}
				if got := strings.Contains(stderr.String(), "\x1b["); got != tt.wantColor {
					t.Errorf("escape codes on stderr: %v, want %v\n%q", got, tt.wantColor, stderr)
				}
			})
		}
	}
}

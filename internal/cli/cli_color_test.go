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
	dir, spec := misspeltSpec(t)
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
				env.Getenv = onlyNoColor(tt.noColorEnv)
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

// TestColorFlagEndToEnd checks -color through run: as a global flag or
// after the command name, on validate (diagnostics on stdout, Color) and
// render (on stderr, ErrColor).
func TestColorFlagEndToEnd(t *testing.T) {
	dir, spec := misspeltSpec(t)
	tests := []struct {
		name      string
		tty       bool
		noColor   string
		global    []string // before the command name
		after     []string // after it
		wantColor bool
	}{
		{name: "default, redirected", wantColor: false},
		{name: "default, terminal", tty: true, wantColor: true},
		{name: "global always, redirected", global: []string{"--color=always"}, wantColor: true},
		{name: "global always as two arguments", global: []string{"-color", "always"}, wantColor: true},
		{name: "always after the command", after: []string{"--color", "always"}, wantColor: true},
		{name: "always beats NO_COLOR", noColor: "1", after: []string{"-color=always"}, wantColor: true},
		{name: "auto keeps NO_COLOR", tty: true, noColor: "1", global: []string{"-color=auto"}, wantColor: false},
		{name: "never on a terminal", tty: true, global: []string{"--color=never"}, wantColor: false},
		{name: "global no-color, then auto after the command", tty: true, global: []string{"-no-color"}, after: []string{"-color=auto"}, wantColor: true},
		{name: "global always, then no-color after the command", global: []string{"-color=always"}, after: []string{"-no-color"}, wantColor: false},
	}
	for _, tt := range tests {
		for _, command := range []string{"validate", "render"} {
			t.Run(command+"/"+tt.name, func(t *testing.T) {
				env, stdout, stderr := testEnv("")
				env.IsTerminal, env.ErrIsTerminal = tt.tty, tt.tty
				env.Getenv = onlyNoColor(tt.noColor)
				args := append(append(append([]string(nil), tt.global...), command), tt.after...)
				if command == "render" {
					args = append(args, "-o", filepath.Join(dir, "out"))
				}
				if code := run(env, append(args, spec)); code == 0 {
					t.Fatalf("%s of an invalid spec exited 0", command)
				}
				out := stdout.String()
				if command == "render" {
					out = stderr.String()
				}
				if !strings.Contains(out, "Unsupported argument") {
					t.Fatalf("no diagnostic in\n%s\nstderr:\n%s", out, stderr)
				}
				if got := strings.Contains(out, "\x1b["); got != tt.wantColor {
					t.Errorf("escape codes: %v, want %v\n%q", got, tt.wantColor, out)
				}
			})
		}
	}
}

// onlyNoColor is an environment holding only NO_COLOR=v.
func onlyNoColor(v string) func(string) string {
	return func(k string) string {
		if k == "NO_COLOR" {
			return v
		}
		return ""
	}
}

// misspeltSpec writes a spec with one error (a misspelt attribute, so that
// the diagnostic can be coloured) and returns its directory and path.
func misspeltSpec(t *testing.T) (dir, spec string) {
	t.Helper()
	dir = t.TempDir()
	spec = filepath.Join(dir, "bad.hcl")
	if err := os.WriteFile(spec, []byte("bucket \"data\" {\n  nmae = \"x\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, spec
}

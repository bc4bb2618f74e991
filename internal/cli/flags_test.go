package cli

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/internal/version"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantPos  []string
		wantOut  string
		wantChk  bool
		wantVars []string
		wantErr  bool
	}{
		{name: "no args", args: nil, wantPos: nil},
		{name: "flags before", args: []string{"-o", "dir", "spec"}, wantPos: []string{"spec"}, wantOut: "dir"},
		{name: "flags after", args: []string{"spec", "-o", "dir"}, wantPos: []string{"spec"}, wantOut: "dir"},
		{name: "double dash and equals", args: []string{"spec", "--o=dir", "--check"}, wantPos: []string{"spec"}, wantOut: "dir", wantChk: true},
		{name: "interleaved", args: []string{"a", "-check", "b", "-var", "x=1", "c"}, wantPos: []string{"a", "b", "c"}, wantChk: true, wantVars: []string{"x=1"}},
		{name: "repeated var keeps order", args: []string{"-var", "b=2", "s", "-var=a=1"}, wantPos: []string{"s"}, wantVars: []string{"b=2", "a=1"}},
		{name: "dash is positional", args: []string{"-", "-check"}, wantPos: []string{"-"}, wantChk: true},
		{name: "double dash ends flags", args: []string{"a", "--", "-check", "-o"}, wantPos: []string{"a", "-check", "-o"}},
		{name: "unknown flag", args: []string{"spec", "-nope"}, wantErr: true},
		{name: "missing value", args: []string{"spec", "-o"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, _, _ := testEnv("")
			fs := newFlagSet(env, "test")
			out := fs.String("o", "", "")
			chk := fs.Bool("check", false, "")
			vars := addVarFlags(fs)
			pos, err := parseArgs(fs, tt.args)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error: %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if diff := cmp.Diff(tt.wantPos, pos); diff != "" {
				t.Errorf("positional args (-want +got):\n%s", diff)
			}
			if *out != tt.wantOut || *chk != tt.wantChk {
				t.Errorf("o=%q check=%v, want o=%q check=%v", *out, *chk, tt.wantOut, tt.wantChk)
			}
			if diff := cmp.Diff(tt.wantVars, []string(vars.vars)); diff != "" {
				t.Errorf("vars (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseArgsHelp(t *testing.T) {
	env, stdout, stderr := testEnv("")
	fs := newFlagSet(env, "validate")
	_, err := parseArgs(fs, []string{"spec", "--help"})
	if !errors.Is(err, flag.ErrHelp) || exitCodeForParse(err) != 0 {
		t.Errorf("err = %v, exit %d; want flag.ErrHelp, 0", err, exitCodeForParse(err))
	}
	// Asked-for help is the result: stdout.
	if !strings.HasPrefix(stdout.String(), "Usage: teramotc validate") || stderr.Len() != 0 {
		t.Errorf("usage on stdout %q, stderr %q; want the usage on stdout only", stdout, stderr)
	}
}

func TestVarFlagsOptions(t *testing.T) {
	env, _, _ := testEnv("")
	env.Environ = []string{"TERAMOTC_VAR_region=eu-west-1", "HOME=/root"}
	fs := newFlagSet(env, "test")
	vars := addVarFlags(fs)
	x, y := filepath.Join(t.TempDir(), "x.tfvars"), filepath.Join(t.TempDir(), "y.tfvars")
	for _, f := range []string{x, y} {
		if err := os.WriteFile(f, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := parseArgs(fs, []string{"-var", "a=1", "-var-file", x, "--var=b=2", "--var-file=" + y}); err != nil {
		t.Fatal(err)
	}
	want := spec.Options{
		Vars:     []string{"a=1", "b=2"},
		VarFiles: []string{x, y},
		Environ:  []string{"TERAMOTC_VAR_region=eu-west-1", "HOME=/root"},
		// Args keeps the command-line order: a later argument wins.
		Args: []spec.VarArg{{Value: "a=1"}, {File: true, Value: x}, {Value: "b=2"}, {File: true, Value: y}},
		// The command's version, checked against required_version.
		Version: version.Version,
	}
	if diff := cmp.Diff(want, vars.options(env)); diff != "" {
		t.Errorf("options (-want +got):\n%s", diff)
	}
}

func TestNoColorFlag(t *testing.T) {
	env, _, _ := testEnv("")
	env.Color = true
	fs := newFlagSet(env, "test")
	if _, err := parseArgs(fs, []string{"--no-color"}); err != nil {
		t.Fatal(err)
	}
	if env.Color {
		t.Error("-no-color left colour on")
	}
	env.Color = true
	if _, err := parseArgs(fs, []string{"-no-color=false"}); err != nil || !env.Color {
		t.Errorf("-no-color=false: err %v, colour %v; want colour kept", err, env.Color)
	}
}

// TestColorFlag checks -color in a command's flag set: each mode, both
// dash forms, -color VALUE, and that the last of -color and -no-color wins.
func TestColorFlag(t *testing.T) {
	tests := []struct {
		name                 string
		stdoutTTY, stderrTTY bool
		noColor              string
		args                 []string
		wantColor, wantErr   bool
		wantProblem          string
	}{
		{name: "auto, both terminals", stdoutTTY: true, stderrTTY: true, args: []string{"-color=auto"}, wantColor: true, wantErr: true},
		{name: "auto, stdout only", stdoutTTY: true, args: []string{"--color", "auto"}, wantColor: true},
		{name: "auto, stderr only", stderrTTY: true, args: []string{"--color=auto"}, wantErr: true},
		{name: "auto, NO_COLOR", stdoutTTY: true, stderrTTY: true, noColor: "1", args: []string{"-color=auto"}},
		{name: "always, redirected", args: []string{"--color=always"}, wantColor: true, wantErr: true},
		{name: "always beats NO_COLOR", noColor: "1", args: []string{"-color", "always"}, wantColor: true, wantErr: true},
		{name: "never, terminals", stdoutTTY: true, stderrTTY: true, args: []string{"--color=never"}},
		{name: "no-color then always", args: []string{"-no-color", "--color=always"}, wantColor: true, wantErr: true},
		{name: "always then no-color", args: []string{"--color=always", "--no-color"}},
		{name: "misspelt", args: []string{"--color=allways"}, wantProblem: `unknown colour mode "allways" for -color. Did you mean "always"?`},
		{name: "not a mode", args: []string{"-color=yes"}, wantProblem: `unknown colour mode "yes" for -color.`},
		{name: "empty", args: []string{"-color="}, wantProblem: "-color needs a value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, _, stderr := testEnv("")
			env.IsTerminal, env.ErrIsTerminal = tt.stdoutTTY, tt.stderrTTY
			env.Getenv = onlyNoColor(tt.noColor)
			fs := newFlagSet(env, "test")
			_, err := parseArgs(fs, append(tt.args, "spec"))
			if tt.wantProblem != "" {
				if err == nil {
					t.Fatalf("%v parsed", tt.args)
				}
				if first, _, _ := strings.Cut(stderr.String(), "\n"); first != "Error: "+tt.wantProblem {
					t.Errorf("stderr starts %q, want %q", first, "Error: "+tt.wantProblem)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if env.Color != tt.wantColor || env.ErrColor != tt.wantErr {
				t.Errorf("Color, ErrColor = %v, %v; want %v, %v", env.Color, env.ErrColor, tt.wantColor, tt.wantErr)
			}
		})
	}
}

// TestCommandNameSkipsGlobalValues checks that the value of a global flag
// given as the next argument is not taken for the command name.
func TestCommandNameSkipsGlobalValues(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"chdir", []string{"-chdir", "fmt", "lint"}, "lint"},
		{"C", []string{"-C", "fmt", "lint"}, "lint"},
		{"C two dashes", []string{"--C", "fmt", "lint"}, "lint"},
		{"C with equals", []string{"-C=fmt", "lint"}, "lint"},
		{"color", []string{"--color", "never", "fmt"}, "fmt"},
		{"color with equals", []string{"--color=never", "fmt"}, "fmt"},
		{"no-color takes no value", []string{"-no-color", "fmt", "lint"}, "fmt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := commandName(tt.args); got != tt.want {
				t.Errorf("commandName(%q) = %q, want %q", tt.args, got, tt.want)
			}
		})
	}
}

// TestWithColorHelp checks the -color line added below -no-color's in
// a command's usage, in the same column.
func TestWithColorHelp(t *testing.T) {
	tests := []struct {
		name, usage, want string
	}{
		{"wide column", "Flags:\n  -f FORMAT       format\n  -no-color       disable colour\n  -o DIR          out\n",
			"Flags:\n  -f FORMAT       format\n  -no-color       disable colour\n  -color=WHEN     auto, always or never (default auto)\n  -o DIR          out\n"},
		{"narrow column", "  -no-color  off\n", "  -no-color  off\n  -color=WHEN  auto, always or never (default auto)\n"},
		{"last line", "  -no-color      off", "  -no-color      off\n  -color=WHEN    auto, always or never (default auto)"},
		{"no -no-color line", "Usage: teramotc version [-json]\n", "Usage: teramotc version [-json]\n"},
		{"already there", "  -no-color  off\n  -color=WHEN  x\n", "  -no-color  off\n  -color=WHEN  x\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, withColorHelp(tt.usage)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestFlagSuggestion(t *testing.T) {
	commands := []string{"fmt", "inspect", "render", "validate", "version"}
	flags := []string{"chdir", "f", "format", "no-color", "o", "var", "var-file"}
	tests := []struct {
		name       string
		typo       string
		candidates []string
		flag       bool
		want       string
	}{
		{"command missing letter", "valdate", commands, false, ` Did you mean "validate"?`},
		{"command prefix", "insp", commands, false, ` Did you mean "inspect"?`},
		{"command far", "frobnica", commands, false, ""},
		{"one letter suggests nothing", "x", commands, false, ""},
		{"format transposition", "terrafrom", []string{"documents", "cloudformation", "terraform", "aws-cli"}, false, ` Did you mean "terraform"?`},
		{"format missing letter", "jsn", []string{"text", "json"}, false, ` Did you mean "json"?`},
		{"format case", "JSON", []string{"text", "json"}, false, ` Did you mean "json"?`},
		{"rule id case", "tmc70", []string{"TMC701", "TMC805"}, false, ` Did you mean "TMC701"?`},
		{"format unrelated", "sarif", []string{"text", "json"}, false, ""},
		{"shell", "bsh", []string{"bash", "zsh", "fish"}, false, ` Did you mean "bash"?`},
		{"flag missing letter", "chdr", flags, true, " Did you mean -chdir?"},
		{"flag transposition", "fromat", flags, true, " Did you mean -format?"},
		{"flag prefix", "no-col", flags, true, " Did you mean -no-color?"},
		{"flag cut short", "allow-dest", []string{"allow-destructive", "auto-approve", "allow-network-builtins"}, true, " Did you mean -allow-destructive?"},
		{"flag cut short, ambiguous", "allow", []string{"allow-destructive", "auto-approve", "allow-network-builtins"}, true, ""},
		{"one-letter flag suggests nothing", "x", flags, true, ""},
		{"flag far", "bogus", flags, true, ""},
		{"no candidates", "x", nil, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := didYouMean(tt.typo, tt.candidates)
			if tt.flag {
				got = didYouMeanFlag(tt.typo, tt.candidates)
			}
			if got != tt.want {
				t.Errorf("suggestion for %q = %q, want %q", tt.typo, got, tt.want)
			}
		})
	}
}

func TestFlagProblem(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.tfvars")
	dir := t.TempDir()
	tests := []struct {
		name                 string
		args                 []string
		wantSummary, wantDet string
	}{
		{"unknown flag", []string{"-fromat=json"}, "unknown flag -fromat. Did you mean -format?", `Run "teramotc test -help" for usage.`},
		{"unknown flag, no suggestion", []string{"--bogus"}, "unknown flag -bogus.", `Run "teramotc test -help" for usage.`},
		{"missing value", []string{"-format"}, "-format needs a value", `Give it as -format=VALUE or -format VALUE. Run "teramotc test -help" for usage.`},
		{"bad bool", []string{"-check=maybe"}, `invalid value "maybe" for -check`, "-check is a switch: give -check alone, or -check=true or -check=false."},
		{"bad no-color", []string{"-no-color=2"}, `invalid value "2" for -no-color`, "-no-color is a switch: give -no-color alone, or -no-color=true or -no-color=false."},
		{"bad int", []string{"-n", "ten"}, `invalid value "ten" for -n`, `-n takes a whole number, as in -n=10. Run "teramotc test -help" for usage.`},
		{"bad duration", []string{"-timeout=5"}, `invalid value "5" for -timeout`, `-timeout takes a duration such as 30s, 5m or 1h30m. Run "teramotc test -help" for usage.`},
		{"bad syntax", []string{"---x"}, "bad flag syntax: ---x", `Flags are a name after one or two dashes, as in -format=json or --format json; use -- before an argument that starts with a dash. Run "teramotc test -help" for usage.`},
		{"missing var file", []string{"-var-file", missing}, "Cannot read variable file", missing + ": no such file or directory. Check the path given to -var-file; a relative path starts from the current directory (the -chdir directory, if given)."},
		{"var file is a directory", []string{"-var-file=" + dir}, "Cannot read variable file", dir + " is a directory, not a variable file. Give -var-file an HCL file of NAME = VALUE lines, such as prod.tfvars."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, stdout, stderr := testEnv("")
			fs := newFlagSet(env, "test")
			fs.String("format", "text", "")
			fs.Bool("check", false, "")
			fs.Int("n", 10, "")
			fs.Duration("timeout", 0, "")
			addVarFlags(fs)
			_, err := parseArgs(fs, tt.args)
			if err == nil || exitCodeForParse(err) != 1 {
				t.Fatalf("err = %v; want a usage error (exit 1)", err)
			}
			want := "Error: " + tt.wantSummary + "\n\n" + tt.wantDet + "\n"
			if diff := cmp.Diff(want, stderr.String()); diff != "" || stdout.Len() != 0 {
				t.Errorf("stderr (-want +got):\n%s\nstdout: %q", diff, stdout)
			}
		})
	}
}

func TestReason(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		err  func() error
		path string
		want string
	}{
		{"missing, same path", func() error { _, err := os.Stat(filepath.Join(dir, "nope")); return err }, filepath.Join(dir, "nope"), "no such file or directory"},
		{"mkdir on a file", func() error { return os.MkdirAll(file, 0o755) }, file, "not a directory"},
		{"file in the way of a parent", func() error { return os.MkdirAll(filepath.Join(file, "sub"), 0o755) }, filepath.Join(file, "sub"), file + " is a file, not a directory"},
		{"file in the way, deeper path", func() error { _, err := os.ReadFile(filepath.Join(file, "a", "b.json")); return err }, file, "not a directory"},
		{"other path kept", func() error { _, err := os.ReadFile(filepath.Join(dir, "x", "y")); return err }, dir, filepath.Join(dir, "x", "y") + ": no such file or directory"},
		{"not a path error", func() error { return errors.New("boom") }, dir, "boom"},
		// render.WriteFile names the path under its directory, so the file
		// in the way is found there, not under the working directory.
		{"export file under a file", func() error { return render.WriteFile(dir, "file/sub/x.json", nil, 0o644) },
			filepath.Join(dir, "file", "sub", "x.json"), file + " is a file, not a directory"},
		{"export file, same path", func() error { return render.WriteFile(dir, "file/x.json", nil, 0o644) },
			filepath.Join(dir, "file", "x.json"), file + " is a file, not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := reason(tt.err(), tt.path); got != tt.want {
				t.Errorf("reason = %q, want %q", got, tt.want)
			}
		})
	}
}

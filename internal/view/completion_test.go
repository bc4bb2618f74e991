package view

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// completionCommands is a command set with and without subcommands.
var completionCommands = []CompletionCommand{
	{Name: "lint", Synopsis: "Lint specs", Flags: []CompletionFlag{{Name: "format", Usage: "output format", TakesValue: true}}},
	{Name: "policy", Synopsis: "Work with Rego policies", Subcommands: []string{"test"},
		Flags: []CompletionFlag{{Name: "run", Usage: "tests to run", TakesValue: true}, {Name: "v", Usage: "verbose"}}},
	{Name: "completion", Synopsis: "Print a completion script", Subcommands: []string{"bash", "zsh", "fish"}},
}

func completionScript(t *testing.T, shell string) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteCompletion(&b, shell, completionCommands); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The scripts offer a command's subcommands, and only for commands that
// have some.
func TestCompletionSubcommandLines(t *testing.T) {
	for _, tc := range []struct {
		shell     string
		want      []string
		forbidden []string
	}{
		{"bash", []string{
			`    policy) flags="-run -v --run --v"; subs="test" ;;`,
			`    completion) flags=""; subs="bash zsh fish" ;;`,
			`    lint) flags="-format --format" ;;`,
		}, []string{`lint) flags="-format --format"; subs`}},
		{"zsh", []string{`'1:subcommand:(test)'`, `'1:subcommand:(bash zsh fish)'`}, []string{"lint)\n      _arguments \\\n        '1:subcommand"}},
		{"fish", []string{
			`complete -c teramotc -n '__fish_seen_subcommand_from policy; and not __fish_seen_subcommand_from test' -f -a 'test' -d 'Work with Rego policies'`,
			`complete -c teramotc -n '__fish_seen_subcommand_from completion; and not __fish_seen_subcommand_from bash zsh fish' -f -a 'bash zsh fish'`,
		}, []string{"__fish_seen_subcommand_from lint; and not"}},
	} {
		t.Run(tc.shell, func(t *testing.T) {
			s := completionScript(t, tc.shell)
			for _, w := range tc.want {
				if !strings.Contains(s, w) {
					t.Errorf("the %s script lacks %q:\n%s", tc.shell, w, s)
				}
			}
			for _, f := range tc.forbidden {
				if strings.Contains(s, f) {
					t.Errorf("the %s script holds %q:\n%s", tc.shell, f, s)
				}
			}
		})
	}
}

// The bash script completes what a user gets on TAB: it is sourced and its
// function called with the words typed so far.
func TestBashCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	script := filepath.Join(t.TempDir(), "teramotc.bash")
	if err := os.WriteFile(script, []byte(completionScript(t, "bash")), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir() // the working directory, for file names
	if err := os.WriteFile(filepath.Join(dir, "tests.rego"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		words []string // the last one is being completed
		want  string
	}{
		{"commands", []string{""}, "lint policy completion"},
		{"command prefix", []string{"po"}, "policy"},
		{"policy subcommand", []string{"policy", ""}, "test"},
		{"policy subcommand prefix", []string{"policy", "t"}, "test"},
		{"policy flags", []string{"policy", "test", "-r"}, "-run"},
		{"after the subcommand, files", []string{"policy", "test", "te"}, "tests.rego"},
		{"shells", []string{"completion", ""}, "bash zsh fish"},
		{"after -chdir", []string{"-chdir", "specs", "policy", ""}, "test"},
		{"after -C", []string{"-C", "specs", "policy", ""}, "test"},
		{"after -color and its value", []string{"--color", "never", "policy", "--color", "always", ""}, "test"},
		{"color values", []string{"lint", "--color", "a"}, "auto always"},
		{"global flags", []string{"-c"}, "-chdir -color"},
		{"no subcommands: files", []string{"lint", "te"}, "tests.rego"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			words := append([]string{"teramotc"}, tc.words...)
			quoted := make([]string, len(words))
			for i, w := range words {
				quoted[i] = "'" + w + "'"
			}
			cmd := exec.Command(bash, "--norc", "--noprofile", "-c",
				`source "$0"; COMP_WORDS=(`+strings.Join(quoted, " ")+`); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _teramotc; echo "${COMPREPLY[*]}"`, script)
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("bash: %v\n%s", err, out)
			}
			if got := strings.TrimSpace(string(out)); got != tc.want {
				t.Errorf("completing %q: got %q, want %q", strings.Join(tc.words, " "), got, tc.want)
			}
		})
	}
}

package cli

import (
	"flag"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/teramot/teramotc/internal/view"
)

func init() {
	register(&Command{
		Name:     "completion",
		Synopsis: "Print a shell completion script (bash, zsh, fish)",
		Usage: `
Usage: teramotc completion bash|zsh|fish

Prints a completion script for the shell, generated from teramotc's commands
and their flags. Install it with, for example:

  bash:  teramotc completion bash > /etc/bash_completion.d/teramotc
         (or: source <(teramotc completion bash) in ~/.bashrc)
  zsh:   teramotc completion zsh > "${fpath[1]}/_teramotc"
  fish:  teramotc completion fish > ~/.config/fish/completions/teramotc.fish

Exit codes: 0 printed, 1 unknown shell.
`,
		Run: runCompletion,
	})
}

func runCompletion(env *Env, args []string) int {
	fs := newFlagSet(env, "completion")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	if len(rest) != 1 {
		return usageError(env, "completion", "completion needs one shell: %s", strings.Join(view.CompletionShells, ", "))
	}
	if !slices.Contains(view.CompletionShells, rest[0]) {
		return unknownValue(env, "completion", "shell", rest[0], view.CompletionShells)
	}
	var cmds []view.CompletionCommand
	for _, name := range commandNames() {
		cmds = append(cmds, view.CompletionCommand{
			Name:        name,
			Synopsis:    commands[name].Synopsis,
			Flags:       commandFlags(name),
			Subcommands: subcommands(commands[name]),
		})
	}
	if err := view.WriteCompletion(env.Stdout, rest[0], cmds); err != nil {
		return view.ExitError
	}
	return view.ExitOK
}

// commandFlags learns a command's flags by running it with -help on a
// silent Env that collects the flag sets it creates. Commands parse their
// flags before doing anything else, so this has no side effects.
func commandFlags(name string) []view.CompletionFlag {
	var sets []*flag.FlagSet
	env := &Env{
		Stdin:    strings.NewReader(""),
		Stdout:   io.Discard,
		Stderr:   io.Discard,
		Getenv:   func(string) string { return "" },
		Now:      time.Now,
		flagSets: &sets,
	}
	commands[name].Run(env, []string{"-help"})
	if len(sets) == 0 {
		// A command with subcommands ("policy test") parses flags only
		// after its subcommand: take each from the usage lines.
		for _, sub := range subcommands(commands[name]) {
			commands[name].Run(env, []string{sub, "-help"})
		}
	}
	seen := map[string]bool{}
	var flags []view.CompletionFlag
	for _, fs := range sets {
		fs.VisitAll(func(f *flag.Flag) {
			if seen[f.Name] {
				return
			}
			seen[f.Name] = true
			b, isBool := f.Value.(interface{ IsBoolFlag() bool })
			flags = append(flags, view.CompletionFlag{
				Name:       f.Name,
				Usage:      f.Usage,
				TakesValue: !isBool || !b.IsBoolFlag(),
			})
		})
	}
	return flags
}

// subcommands returns the words the usage line allows after the command
// name: "Usage: teramotc policy test ..." gives [test], "Usage: teramotc
// completion bash|zsh|fish" gives [bash zsh fish]. Further usage lines
// ("       teramotc policy fmt ...") add theirs.
func subcommands(c *Command) []string {
	sub := subcommand(c)
	if sub == "" {
		return nil
	}
	subs := strings.Split(sub, "|")
	for _, line := range strings.Split(strings.TrimSpace(c.Usage), "\n")[1:] {
		f := strings.Fields(line)
		if len(f) < 3 || f[0] != "teramotc" || f[1] != c.Name {
			break
		}
		if s := f[2]; s[0] >= 'a' && s[0] <= 'z' && !slices.Contains(subs, s) {
			subs = append(subs, s)
		}
	}
	return subs
}

// subcommand returns SUB when a command's usage starts with
// "Usage: teramotc NAME SUB", or "".
func subcommand(c *Command) string {
	f := strings.Fields(strings.TrimSpace(c.Usage))
	if len(f) < 4 || f[0] != "Usage:" || f[2] != c.Name {
		return ""
	}
	if sub := f[3]; sub[0] >= 'a' && sub[0] <= 'z' {
		return sub
	}
	return ""
}

// Package cli parses teramotc's command line and runs its commands. Each
// command lives in its own file and registers itself from init(); the
// commands parse flags, call the pkg/ packages and hand results to
// internal/view, which owns all output formats and exit codes.
package cli

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/spec"
)

// Command is one teramotc subcommand.
type Command struct {
	Name     string // "validate"
	Synopsis string // one line for the command list
	Usage    string // full help text, starting with "Usage: teramotc NAME ..."
	// Run executes the command and returns its exit code (see view.Exit*).
	Run func(env *Env, args []string) int
	// Verbatim: stdout carries file content byte for byte ("fmt -"), so
	// access keys are not masked in it (they still are on stderr).
	Verbatim bool
}

var commands = map[string]*Command{}

// register adds a command; it is called from each command file's init().
func register(c *Command) {
	if _, dup := commands[c.Name]; dup {
		panic("cli: command registered twice: " + c.Name)
	}
	c.Usage = withColorHelp(c.Usage)
	commands[c.Name] = c
}

// commandNames returns the registered command names, sorted.
func commandNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Env is what a command may touch of the outside world. Tests build one
// with buffers; Main builds it from the process.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Environ        []string
	IsTerminal     bool // stdout is a terminal
	ErrIsTerminal  bool // stderr is a terminal
	// Colour is decided per stream: Color for what goes to Stdout, ErrColor
	// for Stderr; each is on when its stream is a terminal and NO_COLOR is
	// unset or empty, unless -color or -no-color says otherwise (setColor).
	Color, ErrColor bool
	Now             func() time.Time

	// flagSets, when set, collects the flag sets commands create (used by
	// completion to learn each command's flags by running it with -help).
	flagSets *[]*flag.FlagSet
}

// Main runs teramotc with args (without the program name) and returns the
// process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return run(processEnv(stdin, stdout, stderr), args)
}

// processEnv returns the Env of the running process.
func processEnv(stdin io.Reader, stdout, stderr io.Writer) *Env {
	return &Env{
		Stdin:         stdin,
		Stdout:        stdout,
		Stderr:        stderr,
		Getenv:        os.Getenv,
		Environ:       os.Environ(),
		IsTerminal:    isTerminal(stdout),
		ErrIsTerminal: isTerminal(stderr),
		Now:           time.Now,
	}
}

// run masks access keys in everything the command prints (see
// view.Redactor), then runs it.
func run(env *Env, args []string) int {
	stderr := view.NewRedactor(env.Stderr)
	defer stderr.Flush()
	env.Stderr = stderr
	if cmd := commands[commandName(args)]; cmd == nil || !cmd.Verbatim {
		stdout := view.NewRedactor(env.Stdout)
		defer stdout.Flush()
		env.Stdout = stdout
	}
	return dispatch(env, args)
}

// commandName returns the first argument that is not a global flag.
func commandName(args []string) string {
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--":
			if i+1 < len(args) {
				return args[i+1]
			}
			return ""
		case slices.Contains(globalValueFlags, strings.TrimLeft(a, "-")):
			i++
		case !strings.HasPrefix(a, "-"):
			return a
		}
	}
	return ""
}

// globalFlags are the flags given before the command name; -C is
// -chdir's short form.
var globalFlags = []string{"chdir", "C", "color", "no-color", "help", "version"}

// globalValueFlags are the global flags that take a value, which may be
// the next argument (-chdir DIR, -C DIR, -color never).
var globalValueFlags = []string{"chdir", "C", "color"}

// dispatch parses the global flags, then runs the command. "--" ends the
// global flags; -help followed by a command name shows that command's help;
// -version runs the version command with the arguments that follow, so
// that "-version -json" works and "-version lint" is a usage error.
func dispatch(env *Env, args []string) int {
	env.setColor("auto")
globals:
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		if args[0] == "--" {
			args = args[1:]
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
		if !hasValue && slices.Contains(globalValueFlags, name) && len(args) > 1 {
			value, args = args[1], args[1:]
		}
		switch {
		case name == "h" || name == "help":
			if cmd := commandName(args[1:]); cmd != "" {
				return runHelp(env, []string{cmd})
			}
			printUsage(env.Stdout)
			return view.ExitOK
		case name == "v" || name == "version":
			args = append([]string{"version"}, args[1:]...)
			break globals
		case name == "no-color":
			off, err := strconv.ParseBool(cmp.Or(value, "true"))
			if err != nil {
				return report(env, boolProblem(name, value))
			}
			if off {
				env.disableColor()
			}
		case name == "color":
			if p := env.setColor(value); p != nil {
				return report(env, p)
			}
		case name == "chdir" || name == "C":
			if value == "" {
				return report(env, &problem{"-" + name + " needs a directory", "Give it as -chdir=DIR or -C DIR, before the command name."})
			}
			if err := os.Chdir(value); err != nil {
				return report(env, &problem{
					fmt.Sprintf("cannot change to directory %s given by -%s: %s", value, name, reason(err, value)),
					"Give -" + name + " an existing directory; the command's paths are then relative to it.",
				})
			}
		default:
			return report(env, &problem{
				"unknown global flag -" + name + "." + didYouMeanFlag(name, globalFlags),
				"Global flags are -chdir=DIR (or -C DIR), -color=auto|always|never, -no-color, -help and -version; " +
					"command flags go after the command name.",
			})
		}
		args = args[1:]
	}
	if len(args) == 0 {
		printUsage(env.Stdout)
		return view.ExitOK
	}
	rest, p := takeColorFlags(env, args[1:], args[0] == "help")
	if p != nil {
		return report(env, p)
	}
	if args[0] == "help" {
		return runHelp(env, rest)
	}
	args = append(args[:1:1], rest...)
	cmd, ok := commands[args[0]]
	if !ok {
		return view.WriteUnknownCommand(env.Stderr, args[0], didYouMean(args[0], commandNames()), false)
	}
	return cmd.Run(env, args[1:])
}

func runHelp(env *Env, args []string) int {
	if len(args) == 0 {
		printUsage(env.Stdout)
		return view.ExitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		return view.WriteUnknownCommand(env.Stderr, args[0], didYouMean(args[0], commandNames()), true)
	}
	view.WriteCommandUsage(env.Stdout, cmd.Usage)
	return view.ExitOK
}

// printUsage writes the help of teramotc with the registered commands.
func printUsage(w io.Writer) {
	var cmds []view.CommandSummary
	for _, n := range commandNames() {
		cmds = append(cmds, view.CommandSummary{Name: n, Synopsis: commands[n].Synopsis})
	}
	view.WriteUsage(w, cmds)
}

// didYouMean returns ` Did you mean "x"?` for the candidate closest to
// typo (a command, a format, a shell, a rule id), or "" when none is close.
func didYouMean(typo string, candidates []string) string {
	if c := closest(typo, candidates); c != "" {
		return fmt.Sprintf(" Did you mean %q?", c)
	}
	return ""
}

// didYouMeanFlag returns " Did you mean -x?" for the flag name closest to
// name (both without dashes), or "". A flag cut short ("-allow-dest")
// names the one flag it starts, since Go's flag package takes no
// abbreviations.
func didYouMeanFlag(name string, names []string) string {
	c := closest(name, names)
	if c == "" && len(name) >= 2 {
		for _, n := range names {
			if strings.HasPrefix(strings.ToLower(n), strings.ToLower(name)) {
				if c != "" {
					return "" // ambiguous
				}
				c = n
			}
		}
	}
	if c != "" {
		return fmt.Sprintf(" Did you mean -%s?", c)
	}
	return ""
}

// closest returns the candidate name most likely misspells, or "" (see
// spec.Suggest, which every "Did you mean" shares).
func closest(name string, candidates []string) string {
	return spec.Suggest(name, candidates)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

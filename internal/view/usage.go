package view

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// CommandSummary is one line of the command list of "teramotc -help".
type CommandSummary struct {
	Name, Synopsis string
}

// WriteUsage writes the help of teramotc itself: what it does, the
// commands (in the order given) and the global flags and exit codes.
func WriteUsage(w io.Writer, cmds []CommandSummary) {
	fmt.Fprint(w, `Usage: teramotc [global flags] COMMAND [flags] [args]

teramotc compiles an HCL spec of an S3 data-sharing setup, validates and lints
it, renders the AWS documents it implies, and plans and applies it.

Commands:
`)
	width := 0
	for _, c := range cmds {
		width = max(width, len(c.Name))
	}
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.Name, c.Synopsis)
	}
	fmt.Fprint(w, `
Global flags (before the command):
  -chdir=DIR, -C DIR  switch to DIR before running the command
  -color=WHEN         auto (default): colour each stream that is a terminal,
                      unless NO_COLOR is set and not empty; always: colour
                      even when redirected and despite NO_COLOR; never
  -no-color           same as -color=never
  -help               show this help; "teramotc help COMMAND" shows a
                      command's help
  -version            same as "teramotc version"

-color and -no-color are also accepted after the command name; the last
one given wins.

Flags take one or two dashes: -format and --format are the same flag.

Exit codes:
  0  success: no findings at or above the fail level, no changes
  1  error: bad usage, invalid spec, policy compile error, AWS error
  2  findings (lint), failing policy tests or coverage below -threshold, plan
     changes with -detailed-exitcode
  3  files would change (fmt -check, render --check, policy fmt -fail)
  N  plan warnings with -warnings-exitcode=N (2 to 125), before
     -detailed-exitcode's 2
`)
}

// WriteCommandUsage writes a command's help text, trimmed, with a final
// newline.
func WriteCommandUsage(w io.Writer, usage string) {
	fmt.Fprint(w, strings.TrimSpace(usage)+"\n")
}

// WriteFlagDefaults writes the help of a command without a help text: its
// flags with their defaults, as the flag package lists them.
func WriteFlagDefaults(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: teramotc %s [flags]\n\nFlags:\n", fs.Name())
	out := fs.Output()
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(out)
}

// WriteUnknownCommand reports a command name that is not one; suggestion
// is " Did you mean ...?" or "". help is set for "teramotc help NAME".
func WriteUnknownCommand(w io.Writer, name, suggestion string, help bool) int {
	what := "unknown command"
	if help {
		what = "no help for unknown command"
	}
	return WriteError(w, fmt.Sprintf("%s %q.%s", what, name, suggestion),
		`Run "teramotc -help" for the list of commands.`)
}

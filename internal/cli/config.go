package cli

import (
	"flag"

	"github.com/teramot/teramotc/internal/view"
)

func init() {
	register(&Command{
		Name:     "config",
		Synopsis: "Show the settings a command would run with, and where each comes from",
		Usage: `Usage: teramotc config show [-f FORMAT] COMMAND [FLAGS] [ARGS]

Shows the settings that the command line "teramotc COMMAND [FLAGS] [ARGS]"
would run with, without running it, and where each comes from: the command
line (flag), a TERAMOTC_<FLAG> environment variable (env), the
configuration file (config, FILE:LINE) or the default. Put "config show"
in front of the command line you want to check:

  teramotc config show lint -fail-level=warning specs/prod
  TERAMOTC_FORMAT=json teramotc config show -f json plan specs/prod

A flag wins over its variable, which wins over the configuration file,
which wins over the default; but inline_ignores = false in the
configuration file wins over -no-inline-ignores=false, the stricter
setting counting. The configuration file's settings
(inline_ignores, rule and ignore blocks, required_version) are shown for
lint, plan and apply: the -config file, else TERAMOTC_CONFIG, else the
.teramotc.hcl of the spec's directory. Variables set with -var or
TERAMOTC_VAR_<name> are listed too.

Secrets are never printed: a spec variable's value is shown only when
every SPEC of the command line declares the variable and none declares it
sensitive (every value is masked when a SPEC cannot be loaded); the
-external-id and the password of an -endpoint-url are masked. Variables
that are set but never read (TERAMOTC_AUTO_APPROVE and the others of
docs/cli.md, Environment) are listed with the reason.

Flags (before COMMAND; not read from the environment, where
TERAMOTC_FORMAT is meant for COMMAND):
  -f, -format=FORMAT   text (default) or json: {"format_version": "1.0",
                       "command", "arguments", "settings",
                       "ignored_environment"}
  -no-color            disable colour

Exit codes: 0 shown, 1 error (unknown command, a flag or variable COMMAND
cannot take).
`,
		Run: runConfig,
	})
}

func runConfig(env *Env, args []string) int {
	if len(args) == 0 {
		return usageError(env, "config", "config needs a subcommand: config show COMMAND [FLAGS] [ARGS]")
	}
	switch {
	case isHelpArg(args[0]):
		view.WriteCommandUsage(env.Stdout, commands["config"].Usage)
		return view.ExitOK
	case args[0] == "show":
	default:
		return usageError(env, "config", "unknown config subcommand %q.%s The only one is config show COMMAND [FLAGS] [ARGS].",
			args[0], didYouMean(args[0], []string{"show"}))
	}
	fs := newFlagSet(env, "config")
	ff := addFormatFlag(fs, "text", "text or json", true)
	// Not parseArgs: the flags after COMMAND are COMMAND's, and config
	// show's own are not read from the environment.
	if err := fs.Parse(args[1:]); err != nil {
		reportParseError(fs, err)
		return exitCodeForParse(err)
	}
	format, ok := ff.get(env, "config", view.ConfigFormats)
	if !ok {
		return view.ExitError
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return usageError(env, "config", "config show needs the command to show: config show COMMAND [FLAGS] [ARGS]")
	}
	name := rest[0]
	cmd, ok := commands[name]
	if !ok || name == "config" {
		return view.WriteUnknownCommand(env.Stderr, name, didYouMean(name, commandNames()), false)
	}
	c := captureCommand(env, cmd, rest[1:])
	switch {
	case c == nil && len(rest) > 1 && isHelpArg(rest[1]):
		view.WriteCommandUsage(env.Stdout, cmd.Usage) // config show policy -h
		return view.ExitOK
	case c == nil:
		return report(env, &problem{
			"teramotc " + name + " stopped before reading its flags",
			"Give the command line as you would run it, subcommand included (config show policy test DIR). Run \"teramotc " + name + " -help\" for usage.",
		})
	case c.err == flag.ErrHelp:
		view.WriteCommandUsage(env.Stdout, cmd.Usage)
		return view.ExitOK
	case c.err != nil:
		return report(env, flagProblem(c.fs, c.err))
	}
	if subcommand(cmd) != "" && len(rest) > 1 {
		name += " " + rest[1] // "policy test"
	}
	if err := view.WriteConfigShow(env.Stdout, configShow(env, name, c), format); err != nil {
		return view.ExitError
	}
	return view.ExitOK
}

// isHelpArg reports whether arg, given where a command with subcommands
// expects one, asks for its help: -h, -help, --h, --help or help, as flags
// take one or two dashes.
func isHelpArg(arg string) bool {
	switch arg {
	case "-h", "--h", "-help", "--help", "help":
		return true
	}
	return false
}

package cli

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/teramot/teramotc/internal/version"
	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/spec"
)

// newFlagSet returns a flag set for a command. Go's flag package accepts
// -name and --name alike, as Terraform users (single dash) and linter users
// (double dash) both expect. parseArgs prints -help's usage to stdout and
// errors to stderr.
func newFlagSet(env *Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(&flagOutput{env: env, fs: fs})
	fs.Usage = func() {} // parseArgs prints usage and errors itself
	fs.BoolFunc("no-color", "disable colour", func(v string) error {
		off, err := strconv.ParseBool(v)
		if off {
			env.disableColor()
		}
		return err
	})
	fs.Func("color", "colour: auto, always or never (default auto)", func(v string) error {
		if p := env.setColor(v); p != nil {
			return p
		}
		return nil
	})
	if env.flagSets != nil {
		*env.flagSets = append(*env.flagSets, fs)
	}
	return fs
}

// flagOutput is the output of a command's flag set: it silences the flag
// package's own messages and carries the Env for parseArgs.
type flagOutput struct {
	env *Env
	fs  *flag.FlagSet
}

func (*flagOutput) Write(p []byte) (int, error) { return len(p), nil }

// reportParseError prints the usage asked for with -help to stdout (it
// is the command's result), or a flag error to stderr as a problem: an
// unknown flag with the nearest flag of the command, a value the flag
// cannot take with what it takes.
func reportParseError(fs *flag.FlagSet, err error) {
	out, ok := fs.Output().(*flagOutput)
	if !ok {
		return
	}
	if err == flag.ErrHelp {
		stdout := out.env.Stdout
		if c, ok := commands[fs.Name()]; ok && c.Usage != "" {
			view.WriteCommandUsage(stdout, c.Usage)
			return
		}
		view.WriteFlagDefaults(stdout, fs)
		return
	}
	report(out.env, flagProblem(fs, err))
}

// flagValueError matches the flag package's errors for a value its flag
// cannot take: "invalid value %q for flag -%s: %v" and "invalid boolean
// value %q for -%s: %v".
var flagValueError = regexp.MustCompile(`(?s)^invalid (?:boolean )?value ("(?:[^"\\]|\\.)*") for (?:flag )?-([^\s:]+): (.*)$`)

// globalFlagExample gives, for each global flag a command's flag set does
// not define (-help, -color and -no-color are defined everywhere), how it is
// written before the command name.
var globalFlagExample = map[string]string{"chdir": "-chdir=DIR", "C": "-C DIR", "version": "-version"}

// flagProblem turns an error of the flag package, whose messages are
// written for programmers, into a problem for users.
func flagProblem(fs *flag.FlagSet, err error) *problem {
	if p := envProblem(fs, err); p != nil {
		return p // a TERAMOTC_<FLAG> variable (flags_env.go)
	}
	msg := err.Error()
	help := fmt.Sprintf("Run \"teramotc %s -help\" for usage.", fs.Name())
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		if example, global := globalFlagExample[name]; global {
			do := fmt.Sprintf("Write it as \"teramotc %s %s ...\". %s", example, fs.Name(), help)
			if name == "version" { // -version runs the version command, not this one
				do = "Run \"teramotc version\" to see the version. " + help
			}
			return &problem{fmt.Sprintf("unknown flag -%s: -%s is a global flag, given before the command name", name, name), do}
		}
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		return &problem{"unknown flag -" + name + "." + didYouMeanFlag(name, names), help}
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return &problem{"-" + name + " needs a value", fmt.Sprintf("Give it as -%s=VALUE or -%s VALUE. %s", name, name, help)}
	}
	if syntax, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return &problem{"bad flag syntax: " + syntax, "Flags are a name after one or two dashes, as in -format=json or --format json; use -- before an argument that starts with a dash. " + help}
	}
	m := flagValueError.FindStringSubmatch(msg)
	if m == nil {
		return &problem{msg, help}
	}
	value, _ := strconv.Unquote(m[1])
	name, cause := m[2], m[3]
	if summary, detail, ok := strings.Cut(cause, "\n\n"); ok {
		return &problem{summary, detail} // a *problem from one of our flag types
	}
	return invalidValue(fs.Lookup(name), name, value, cause, help)
}

// invalidValue is the problem of a value a flag of a standard type cannot
// take: it says what the flag takes.
func invalidValue(f *flag.Flag, name, value, cause, help string) *problem {
	summary := fmt.Sprintf("invalid value %q for -%s", value, name)
	if f == nil {
		return &problem{summary + ": " + cause, help}
	}
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return boolProblem(name, value)
	}
	var v any
	if g, ok := f.Value.(flag.Getter); ok {
		v = g.Get()
	}
	switch v.(type) {
	case int, int64, uint, uint64:
		return &problem{summary, fmt.Sprintf("-%s takes a whole number, as in -%s=%s. %s", name, name, f.DefValue, help)}
	case float64:
		return &problem{summary, fmt.Sprintf("-%s takes a number, as in -%s=%s. %s", name, name, f.DefValue, help)}
	case time.Duration:
		return &problem{summary, fmt.Sprintf("-%s takes a duration such as 30s, 5m or 1h30m. %s", name, help)}
	}
	return &problem{summary + ": " + cause, help}
}

// boolProblem is the problem of a value a switch cannot take.
func boolProblem(name, value string) *problem {
	return &problem{
		fmt.Sprintf("invalid value %q for -%s", value, name),
		fmt.Sprintf("-%[1]s is a switch: give -%[1]s alone, or -%[1]s=true or -%[1]s=false.", name),
	}
}

// parseArgs parses flags that may appear before, between or after the
// positional arguments (`render SPEC -o DIR`) and returns the positional
// arguments in order. "--" ends the flags; a lone "-" is positional
// (stdin). On error, including -help (flag.ErrHelp), the usage (stdout)
// or the error (stderr) has been printed.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		reportParseError(fs, err)
	}
	return pos, err
}

// parseInterleaved parses the command line, then sets the flags it did not
// give from their TERAMOTC_<FLAG> variables (flags_env.go). Under "config
// show" it only records what it found (config_capture.go).
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	pos, err := parseCommandLine(fs, args)
	var applied envApplied
	if err == nil {
		applied, err = applyEnvFlags(fs)
	}
	if captured(fs, pos, applied, err) {
		return nil, flag.ErrHelp // the command stops as for -help, doing nothing
	}
	return pos, err
}

func parseCommandLine(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		// fs.Parse stops at the first non-flag or after "--"; tell them
		// apart by what preceded rest in args.
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// exitCodeForParse maps a parseArgs error to an exit code: -help is not an
// error.
func exitCodeForParse(err error) int {
	if err == flag.ErrHelp {
		return view.ExitOK
	}
	return view.ExitError
}

// stringsFlag is a repeatable string flag.
type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, ",") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

// varFlags holds -var and -var-file in their command-line order: as in
// Terraform, a later argument overrides an earlier one.
type varFlags struct {
	vars     stringsFlag
	varFiles stringsFlag
	args     []spec.VarArg
}

// orderedFlag records one kind of variable argument into both its own list
// and the shared ordered list.
type orderedFlag struct {
	list *stringsFlag
	args *[]spec.VarArg
	file bool
}

func (o orderedFlag) String() string { return o.list.String() }
func (o orderedFlag) Set(v string) error {
	if o.file {
		if p := checkVarFile(v); p != nil {
			return p
		}
	}
	*o.args = append(*o.args, spec.VarArg{File: o.file, Value: v})
	return o.list.Set(v)
}

// checkVarFile reports a -var-file that does not exist or is not a file
// when the flag is parsed, before the spec is loaded: the loader would
// point at line 1 of a file that is not there.
func checkVarFile(path string) *problem {
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return &problem{
			"Cannot read variable file",
			fmt.Sprintf("%s: %s. Check the path given to -var-file; a relative path starts from the current directory "+
				"(the -chdir directory, if given).", path, reason(err, path)),
		}
	case info.IsDir():
		return &problem{
			"Cannot read variable file",
			path + " is a directory, not a variable file. Give -var-file an HCL file of NAME = VALUE lines, such as prod.tfvars.",
		}
	}
	return jsonVarFile(path)
}

// addVarFlags declares -var and -var-file on fs.
func addVarFlags(fs *flag.FlagSet) *varFlags {
	v := &varFlags{}
	fs.Var(orderedFlag{&v.vars, &v.args, false}, "var", "set a variable: -var NAME=VALUE (repeatable)")
	fs.Var(orderedFlag{&v.varFiles, &v.args, true}, "var-file", "read variables from an HCL file (repeatable)")
	return v
}

// options returns the spec options: the flags plus the environment, read
// by spec.Load for TERAMOTC_VAR_<name>.
func (v *varFlags) options(env *Env) spec.Options {
	return spec.Options{
		Vars:     append([]string(nil), v.vars...),
		VarFiles: append([]string(nil), v.varFiles...),
		Args:     append([]spec.VarArg(nil), v.args...),
		Environ:  env.Environ,
		Version:  version.Version, // checked against required_version
	}
}

package cli

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/teramot/teramotc/pkg/spec"
)

// newFlagSet returns a flag set for a command. Go's flag package accepts
// -name and --name alike, as Terraform users (single dash) and linter users
// (double dash) both expect. parseArgs prints -help and errors to stderr.
func newFlagSet(env *Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(&flagOutput{env: env, fs: fs})
	fs.Usage = func() {} // parseArgs prints usage and errors itself
	fs.BoolFunc("no-color", "disable colour", func(v string) error {
		off, err := strconv.ParseBool(v)
		if off {
			env.Color = false
		}
		return err
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

// reportParseError prints -help's usage, or a flag error with a "Did you
// mean" suggestion and a pointer to -help, to stderr.
func reportParseError(fs *flag.FlagSet, err error) {
	out, ok := fs.Output().(*flagOutput)
	if !ok {
		return
	}
	stderr := out.env.Stderr
	if err == flag.ErrHelp {
		if c, ok := commands[fs.Name()]; ok && c.Usage != "" {
			writeUsage(stderr, c.Usage)
			return
		}
		fmt.Fprintf(stderr, "Usage: teramotc %s [flags]\n\nFlags:\n", fs.Name())
		fs.SetOutput(stderr)
		fs.PrintDefaults()
		fs.SetOutput(out)
		return
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		if c := closest(name, names); c != "" {
			msg += fmt.Sprintf(". Did you mean -%s?", c)
		}
	}
	fmt.Fprintf(stderr, "Error: %s\n\nRun \"teramotc %s -help\" for usage.\n", msg, fs.Name())
}

// parseArgs parses flags that may appear before, between or after the
// positional arguments (`render SPEC -o DIR`) and returns the positional
// arguments in order. "--" ends the flags; a lone "-" is positional
// (stdin). On error, including -help (flag.ErrHelp), the usage or the
// error has been printed to stderr.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		reportParseError(fs, err)
	}
	return pos, err
}

func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
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
		return 0
	}
	return 1
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
	*o.args = append(*o.args, spec.VarArg{File: o.file, Value: v})
	return o.list.Set(v)
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
	}
}

// writeUsage is a helper for commands whose usage text is static.
func writeUsage(w io.Writer, usage string) {
	fmt.Fprint(w, strings.TrimSpace(usage)+"\n")
}

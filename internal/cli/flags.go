package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/teramot/teramotc/pkg/spec"
)

// newFlagSet returns a flag set for a command. Go's flag package accepts
// -name and --name alike, as Terraform users (single dash) and linter users
// (double dash) both expect. Errors and -help go to stderr; the caller gets
// them from parseArgs.
func newFlagSet(env *Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		if c, ok := commands[name]; ok && c.Usage != "" {
			fmt.Fprint(env.Stderr, strings.TrimSpace(c.Usage)+"\n")
			return
		}
		fmt.Fprintf(env.Stderr, "Usage: teramotc %s [flags]\n\nFlags:\n", name)
		fs.PrintDefaults()
	}
	fs.BoolFunc("no-color", "disable colour", func(string) error { env.Color = false; return nil })
	if env.flagSets != nil {
		*env.flagSets = append(*env.flagSets, fs)
	}
	return fs
}

// parseArgs parses flags that may appear before, between or after the
// positional arguments (`render SPEC -o DIR`) and returns the positional
// arguments in order. "--" ends the flags; a lone "-" is positional
// (stdin). On error (including -help, which returns flag.ErrHelp) the
// message and usage have already been printed to stderr.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
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

// varFlags holds -var and -var-file, which keep their relative order.
type varFlags struct {
	vars     stringsFlag
	varFiles stringsFlag
}

// addVarFlags declares -var and -var-file on fs.
func addVarFlags(fs *flag.FlagSet) *varFlags {
	v := &varFlags{}
	fs.Var(&v.vars, "var", "set a variable: -var NAME=VALUE (repeatable)")
	fs.Var(&v.varFiles, "var-file", "read variables from an HCL file (repeatable)")
	return v
}

// options returns the spec options: the flags plus the environment, read
// by spec.Load for TERAMOTC_VAR_<name>.
func (v *varFlags) options(env *Env) spec.Options {
	return spec.Options{
		Vars:     append([]string(nil), v.vars...),
		VarFiles: append([]string(nil), v.varFiles...),
		Environ:  env.Environ,
	}
}

// writeUsage is a helper for commands whose usage text is static.
func writeUsage(w io.Writer, usage string) {
	fmt.Fprint(w, strings.TrimSpace(usage)+"\n")
}

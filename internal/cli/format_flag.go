package cli

import (
	"flag"
	"slices"
	"strconv"
	"strings"
)

// formatFlag is a command's -format flag with its aliases (-f, -json).
// Every value given is kept: a command writes one format to stdout, so two
// different ones are a usage error, as lint reports them, rather than the
// last one silently winning.
type formatFlag struct {
	def    string
	values []string
}

func (f *formatFlag) String() string {
	if f == nil || len(f.values) == 0 {
		return ""
	}
	return strings.Join(f.values, ",")
}

func (f *formatFlag) Set(v string) error {
	f.values = append(f.values, v)
	return nil
}

// addFormatFlag declares -format=FORMAT on fs (default def) and, when
// short is set, its shorthand -f.
func addFormatFlag(fs *flag.FlagSet, def, usage string, short bool) *formatFlag {
	f := &formatFlag{def: def}
	fs.Var(f, "format", usage)
	if short {
		fs.Var(f, "f", "shorthand for -format")
	}
	return f
}

// addJSONSwitch declares -json on fs: the same as -format=json.
func (f *formatFlag) addJSONSwitch(fs *flag.FlagSet) {
	fs.Var(jsonSwitch{f}, "json", "same as -format=json")
}

// jsonSwitch is the -json switch of a formatFlag; -json=false adds nothing.
type jsonSwitch struct{ f *formatFlag }

func (jsonSwitch) IsBoolFlag() bool { return true }
func (jsonSwitch) String() string   { return "false" }

func (j jsonSwitch) Set(v string) error {
	on, err := strconv.ParseBool(v)
	if on {
		j.f.values = append(j.f.values, "json")
	}
	return err
}

// get returns the format given (the default when none is), after checking
// each value against allowed (an unknown one suggests the nearest) and
// that no two differ. On a problem it prints it to stderr and returns
// false; the command exits ExitError.
func (f *formatFlag) get(env *Env, cmd string, allowed []string) (string, bool) {
	for _, v := range f.values {
		if !slices.Contains(allowed, v) {
			unknownValue(env, cmd, "format", v, allowed)
			return "", false
		}
	}
	if len(f.values) == 0 {
		return f.def, true
	}
	for _, v := range f.values[1:] {
		if v != f.values[0] {
			usageError(env, cmd, "formats %s and %s both write to stdout; give only one of them", f.values[0], v)
			return "", false
		}
	}
	return f.values[0], true
}

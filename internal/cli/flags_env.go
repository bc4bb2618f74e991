package cli

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/apply"
	"github.com/teramot/teramotc/pkg/rules"
)

// A command's flags may also come from the environment: -fail-level from
// TERAMOTC_FAIL_LEVEL. A flag given on the command line wins over its
// variable; the variable wins over the configuration file (the command
// merges flags with .teramotc.hcl as before) and over the default.
// Positional arguments never come from the environment.

// envFlagVar returns the environment variable of a flag: TERAMOTC_, then
// the name in upper case with "-" as "_".
func envFlagVar(name string) string {
	return "TERAMOTC_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
}

// envReserved are flags whose variable already means something else: they
// are never read from the environment, and setting the variable is no
// mistake, so nothing is said about it.
var envReserved = map[string]string{
	"var":      "TERAMOTC_VAR_<name> sets the spec variable <name>",
	"var-file": "TERAMOTC_VAR_FILE is the spec variable FILE",
}

// envExcluded are flags never read from the environment because they turn
// a safety gate off or rewrite files: a variable left over in a shell or a
// CI job must not approve writes, silence a check or make a command that
// prints its result rewrite files. Setting one prints a warning.
var envExcluded = map[string]string{
	"auto-approve":           "a variable must never approve changes to an AWS account",
	"allow-destructive":      "a variable must never allow changes that delete data",
	"skip-lint":              "a variable must never turn off the lint gate of plan and apply",
	"allow-network-builtins": "a variable must never let policies reach the network",
	"no-fail":                "a variable must never make lint pass whatever it finds",
	"force":                  "a variable must never make lint pass whatever it finds",
	"only":                   "a variable must never turn the other rules off",
	"disable-rule":           "a variable must never turn rules off",
	"run":                    "a variable must never narrow which policy tests run",
	"fail-on-empty":          "a variable must never make a policy test run that runs no test pass",
	"filter":                 "a variable must never narrow which findings lint reports",
	"w":                      "a variable must never decide whether policy fmt rewrites files",
	"write":                  "a variable must never decide whether fmt rewrites files",
	"color":                  "colour comes from -color, -no-color and NO_COLOR",
	"no-color":               "colour comes from -color, -no-color and NO_COLOR",
}

// envSetting is a flag set from its environment variable.
type envSetting struct {
	Flag, Variable, Value string
}

// envIgnored is a variable that is set but not read, with the reason.
type envIgnored struct {
	Variable, Reason string
}

// envApplied is what applyEnvFlags did to a flag set.
type envApplied struct {
	set     []envSetting
	ignored []envIgnored
}

// envError is a variable whose value its flag cannot take, or a variable
// set together with the variable of an alias of its flag.
type envError struct {
	variable, flag, value string
	other                 string // the variable of an alias, also set
	err                   error
}

func (e *envError) Error() string {
	if e.other != "" {
		return e.variable + " and " + e.other + " are both set"
	}
	return fmt.Sprintf("%s: invalid value %q for -%s: %v", e.variable, e.value, e.flag, e.err)
}

// valueKey identifies the variable a flag sets, so that aliases (-f and
// -format, -fail-level and -minimum-failure-severity, -json and -format)
// count as one flag.
func valueKey(f *flag.Flag) any {
	if j, ok := f.Value.(jsonSwitch); ok {
		return reflect.ValueOf(j.f).Pointer()
	}
	if v := reflect.ValueOf(f.Value); v.Kind() == reflect.Pointer {
		return v.Pointer()
	}
	return f.Name
}

// envShortAlias returns the long name of a one-letter flag that is an
// alias (-f of -format, -o of -out): only the long name's variable is read.
func envShortAlias(fs *flag.FlagSet, f *flag.Flag) string {
	if len(f.Name) != 1 {
		return ""
	}
	long, key := "", valueKey(f)
	fs.VisitAll(func(g *flag.Flag) {
		if long == "" && len(g.Name) > 1 && valueKey(g) == key {
			long = g.Name
		}
	})
	return long
}

// envIgnoreReason says why the variable of f is not read, or "" when it is.
func envIgnoreReason(fs *flag.FlagSet, f *flag.Flag) string {
	if why := envExcluded[f.Name]; why != "" {
		return fmt.Sprintf("-%s is never read from the environment: %s; give -%s on the command line", f.Name, why, f.Name)
	}
	if long := envShortAlias(fs, f); long != "" {
		return fmt.Sprintf("-%s is read from %s, its long name's variable", f.Name, envFlagVar(long))
	}
	return ""
}

// applyEnvFlags sets the flags of fs that the command line did not give
// from their environment variables, and warns on stderr about each variable
// that is set but not read.
func applyEnvFlags(fs *flag.FlagSet) (envApplied, error) {
	var done envApplied
	out, ok := fs.Output().(*flagOutput)
	if !ok || out.env.Getenv == nil {
		return done, nil
	}
	env := out.env
	given := map[any]bool{}
	fs.Visit(func(f *flag.Flag) { given[valueKey(f)] = true })
	setBy := map[any]string{}
	var bad error
	fs.VisitAll(func(f *flag.Flag) {
		name := envFlagVar(f.Name)
		v := env.Getenv(name)
		if bad != nil || v == "" || envReserved[f.Name] != "" {
			return
		}
		if why := envIgnoreReason(fs, f); why != "" {
			done.ignored = append(done.ignored, envIgnored{name, why})
			view.WriteWarning(env.Stderr, fmt.Sprintf("%s is ignored: %s.", name, why))
			return
		}
		key := valueKey(f)
		if given[key] {
			return // the command line wins
		}
		if why := envFormatElsewhere(fs, f.Name, v); why != "" {
			done.ignored = append(done.ignored, envIgnored{name, why})
			view.WriteWarning(env.Stderr, fmt.Sprintf("%s is ignored: %s.", name, why))
			return
		}
		if other := setBy[key]; other != "" {
			bad = &envError{variable: other, other: name, flag: f.Name}
			return
		}
		setBy[key] = name
		if err := setFromEnv(fs, f, v); err != nil {
			bad = &envError{variable: name, flag: f.Name, value: envShownValue(f.Name, v), err: err}
			return
		}
		done.set = append(done.set, envSetting{Flag: f.Name, Variable: name, Value: v})
	})
	return done, bad
}

// setFromEnv sets f from the value v of its variable. A switch takes true,
// false, 1 or 0; a repeatable flag takes its values separated by commas
// (rule ids, formats and directories), each set as if given once.
func setFromEnv(fs *flag.FlagSet, f *flag.Flag, v string) error {
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		switch strings.ToLower(v) {
		case "true", "1":
			v = "true"
		case "false", "0":
			v = "false"
		default:
			return errEnvBool
		}
		return fs.Set(f.Name, v)
	}
	values := []string{v}
	if envRepeatable(f) {
		values = nil
		for part := range strings.SplitSeq(v, ",") {
			if part = strings.TrimSpace(part); part != "" {
				values = append(values, part)
			}
		}
	}
	for _, part := range values {
		if p := envCheckValue(fs, f.Name, part); p != nil {
			return p
		}
		if err := fs.Set(f.Name, part); err != nil {
			return err
		}
	}
	return nil
}

var errEnvBool = errors.New("not a boolean")

// envRepeatable reports whether f may be given several times.
func envRepeatable(f *flag.Flag) bool {
	switch f.Value.(type) {
	case *stringsFlag, *formatFlag, orderedFlag:
		return true
	}
	return false
}

// envCheckValue checks the values that a command checks only after
// parsing, so that a bad one names its variable rather than the flag: the
// env layer is the one place where such a value is known to come from a
// variable. Each case repeats the command's own check of the value (its
// message and range); a test runs each command with each bad value.
func envCheckValue(fs *flag.FlagSet, name, v string) *problem {
	cmd := fs.Name()
	var allowed []string
	what := name
	switch name {
	case "fail-level", "minimum-failure-severity":
		if rules.Severity(v).Valid() {
			return nil
		}
		allowed, what = []string{"error", "warning", "notice"}, "fail level"
	case "format", "f":
		if cmd == "lint" {
			if _, p := parseLintOutputs([]string{v}); p != nil {
				return p
			}
			return nil
		}
		_, allowed, _ = envCommandFormats(fs)
	case "command":
		if cmd == "permissions" {
			allowed, what = apply.PermissionCommands, "-command value"
		}
	case "endpoint-url":
		if p := apply.CheckEndpoint(v); p != nil {
			return &problem{p.Summary, p.Detail}
		}
	case "threshold": // policy test
		if t, err := strconv.ParseFloat(v, 64); err == nil && (t < 0 || t > 100 || math.IsNaN(t)) {
			return &problem{fmt.Sprintf("-threshold must be a percentage from 0 to 100, not %v", t), "Give a percentage such as 80."}
		}
	case "timeout": // policy test; lint takes 0 or less as no limit
		if d, err := time.ParseDuration(v); err == nil && d < 0 && cmd == "policy" {
			return &problem{fmt.Sprintf("-timeout must be a duration such as 5m (0: no limit), not %s", d), "Give a duration such as 30s or 5m, or 0 for no limit."}
		}
	case "company", "account-id", "partner-account-id", "partner-external-id":
		if cmd == "init" {
			return initValueProblem(name, v)
		}
	case "warnings-exitcode": // plan
		if n, err := strconv.Atoi(v); err == nil && n != 0 && (n < 2 || n > 125) {
			return &problem{fmt.Sprintf("-warnings-exitcode=%d is not an exit code plan can give warnings", n),
				"Give a code from 2 to 125 (0 and 1 mean success and error), for example 4."}
		}
	}
	if allowed == nil || slices.Contains(allowed, v) {
		return nil
	}
	return &problem{
		fmt.Sprintf("unknown %s %q.%s", what, v, didYouMean(v, allowed)),
		fmt.Sprintf("Choose one of: %s.", strings.Join(allowed, ", ")),
	}
}

// envProblem is the problem of an envError, or nil for other errors: the
// diagnostic of a bad flag, its summary starting with the variable.
func envProblem(fs *flag.FlagSet, err error) *problem {
	var e *envError
	if !errors.As(err, &e) {
		return nil
	}
	cmd := envCommandName(fs) // "policy test", not "policy"
	if e.other != "" {
		return &problem{
			fmt.Sprintf("%s and %s are both set", e.variable, e.other),
			fmt.Sprintf("Both set the same flag of \"teramotc %s\"; unset one of them.", cmd),
		}
	}
	fix := fmt.Sprintf("%s sets -%s of \"teramotc %s\": fix its value or unset it.", e.variable, e.flag, cmd)
	if errors.Is(e.err, errEnvBool) {
		return &problem{
			fmt.Sprintf("%s: invalid value %q for -%s", e.variable, e.value, e.flag),
			fmt.Sprintf("-%s is a switch: set %s to true or false (or 1 or 0), or unset it.", e.flag, e.variable),
		}
	}
	var p *problem
	if errors.As(e.err, &p) {
		return &problem{e.variable + ": " + p.summary, p.detail + " " + fix}
	}
	q := invalidValue(fs.Lookup(e.flag), e.flag, e.value, e.err.Error(), fix)
	return &problem{e.variable + ": " + q.summary, q.detail}
}

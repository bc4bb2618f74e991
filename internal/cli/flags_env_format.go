package cli

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/apply"
	"github.com/teramot/teramotc/pkg/export"
)

// envFormats are the -format values of the commands other than lint and
// policy (envCommandFormats).
var envFormats = map[string][]string{
	"plan":     planFormats,
	"show":     planFormats,
	"validate": view.ValidateFormats,
	"rules":    view.RulesFormats,
	"render":   append([]string{"documents"}, export.Formats...),
}

// envCommandName is the command a flag set belongs to as the user names
// it: policy's subcommands share the flag set name "policy", and only
// policy test has -threshold, only policy fmt -w.
func envCommandName(fs *flag.FlagSet) string {
	switch {
	case fs.Name() != "policy":
		return fs.Name()
	case fs.Lookup("threshold") != nil:
		return "policy test"
	case fs.Lookup("w") != nil:
		return "policy fmt"
	}
	return "policy check"
}

// envCommandFormats returns the command of fs (envCommandName), the
// -format values it takes and its default.
func envCommandFormats(fs *flag.FlagSet) (cmd string, allowed []string, def string) {
	cmd = envCommandName(fs)
	if f := fs.Lookup("format"); f != nil {
		def = flagValue(f)
	}
	switch cmd {
	case "lint":
		return cmd, view.LintFormats(), "text"
	case "policy test":
		return cmd, view.PolicyTestFormats, def
	case "policy check":
		return cmd, view.PolicyCheckFormats, def
	}
	return cmd, envFormats[cmd], def
}

// envFormatElsewhere says why TERAMOTC_FORMAT=v is ignored by the command
// of fs when v names formats of other commands but not one this command
// writes (TERAMOTC_FORMAT=text, or sarif=FILE, set for lint in a job that
// also runs policy test): one variable serves every command, so the
// command then writes its default format, with a warning. It returns ""
// when the command takes v, or when some part of v is no command's format
// (a typo is a usage error naming the variable).
func envFormatElsewhere(fs *flag.FlagSet, flagName, v string) string {
	if flagName != "format" {
		return ""
	}
	cmd, allowed, def := envCommandFormats(fs)
	if allowed == nil {
		return ""
	}
	known := slices.Concat(view.LintFormats(), view.PolicyTestFormats, view.PolicyCheckFormats, view.ConfigFormats)
	for _, formats := range envFormats {
		known = append(known, formats...)
	}
	elsewhere := false
	for part := range strings.SplitSeq(v, ",") {
		part = strings.TrimSpace(part)
		name, _, _ := strings.Cut(part, "=")
		here := slices.Contains(allowed, part) || cmd == "lint" && slices.Contains(allowed, name)
		switch {
		case part == "" || here:
		case slices.Contains(known, name):
			elsewhere = true
		default:
			return ""
		}
	}
	if !elsewhere {
		return ""
	}
	return fmt.Sprintf("%q is not a format of \"teramotc %s\" (%s), which writes its default, %s; give -format to choose another",
		v, cmd, strings.Join(allowed, ", "), def)
}

// initValueProblem repeats init's checks of its values (runInit), for a
// value from the environment.
func initValueProblem(name, v string) *problem {
	const fix = "Give the value init asks for, or unset the variable."
	switch name {
	case "company":
		if !companySlug.MatchString(v) {
			return &problem{fmt.Sprintf("-company=%q: use 2 to 30 lowercase letters, digits and dashes", v), fix}
		}
	case "account-id", "partner-account-id":
		if !accountID.MatchString(v) {
			return &problem{fmt.Sprintf("-%s=%q: an AWS account id is 12 digits", name, v), fix}
		}
	case "partner-external-id":
		if len(v) < 2 || len(v) > 1224 || !externalIDPattern.MatchString(v) {
			return &problem{"-partner-external-id: an external id is 2 to 1224 letters, digits and characters of +=,.@:/-_ (the value is not shown: it is sensitive)", fix}
		}
	}
	return nil
}

// envShownValue is the value of a variable as an error may print it: an
// endpoint without its password, an external id not at all.
func envShownValue(flagName, v string) string {
	switch flagName {
	case "endpoint-url":
		return apply.EndpointWithoutPassword(v)
	case "external-id", "partner-external-id":
		return masked
	}
	return v
}

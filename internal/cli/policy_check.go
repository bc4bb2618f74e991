package cli

import (
	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/rules"
)

// runPolicyCheck runs "policy check [flags] [PATH...]".
func runPolicyCheck(env *Env, args []string) int {
	fs := newFlagSet(env, "policy")
	var opts rules.CheckOptions
	ff := addFormatFlag(fs, "text", "text or json", true)
	fs.BoolVar(&opts.Builtin, "builtin", false, "also check the built-in policies")
	fs.BoolVar(&opts.AllowNetworkBuiltins, "allow-network-builtins", false, "allow network built-ins")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	format, ok := ff.get(env, "policy", view.PolicyCheckFormats)
	if !ok {
		return view.ExitError
	}
	opts.Paths = paths
	opts.Builtin = opts.Builtin || len(paths) == 0
	return view.WritePolicyCheck(env.Stdout, format, rules.CheckPolicies(opts), env.Color)
}

package cli

import (
	"context"
	"errors"
	"flag"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/internal/version"
	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/rules"
	"github.com/teramot/teramotc/pkg/spec"
)

// lintSetup is what, besides the specs, decides a lint run's verdict: the
// rules (built-in and -policy), the configuration and today's date. lint
// and the plan/apply gate both load it with load, so that for the same
// spec, environment and -policy directories the gate refuses exactly what
// lint fails.
type lintSetup struct {
	policies []string
	net      bool // -allow-network-builtins
	// config is -config FILE, else TERAMOTC_CONFIG; "" uses the
	// .teramotc.hcl of each spec's directory.
	config                string
	only, enable, disable []string
	noInline              bool
}

// addConfigFlag registers -config FILE at p, whose default is
// TERAMOTC_CONFIG: lint and the plan/apply gate pick their configuration
// file the same way (-config, else TERAMOTC_CONFIG, else "" for the
// .teramotc.hcl of each spec's directory).
func addConfigFlag(fs *flag.FlagSet, env *Env, p *string, usage string) {
	fs.StringVar(p, "config", env.Getenv("TERAMOTC_CONFIG"), usage)
}

// lintStop is an error that stops a lint run before any spec is linted:
// its cause, the path it concerns ("" when none or several) and its
// diagnostics, with the files of their snippets.
type lintStop struct {
	cause view.LintCause
	path  string
	diags hcl.Diagnostics
	files map[string]*hcl.File
}

// load compiles the rules and builds the options of a lint run of specs
// loaded with specOpts: today from lintNow (TERAMOTC_NOW), the rule
// selection, and the configuration file when one is named.
func (ls *lintSetup) load(ctx context.Context, env *Env, specOpts spec.Options) (*rules.Set, rules.LintOptions, *lintStop) {
	now, err := lintNow(env)
	if err != nil {
		return nil, rules.LintOptions{}, &lintStop{cause: view.CauseUsage, diags: lintUsageDiag("Invalid TERAMOTC_NOW", err.Error()+".")}
	}
	set, err := rules.Load(ctx, rules.Options{PolicyDirs: ls.policies, AllowNetworkBuiltins: ls.net})
	if err != nil {
		cause := view.CausePolicy
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			cause = view.CauseTimeout
		}
		diags, files := rules.Diagnostics(err)
		return nil, rules.LintOptions{}, &lintStop{cause: cause, path: onlyOne(ls.policies), diags: diags, files: files}
	}
	opts := rules.LintOptions{
		Spec: specOpts, Only: ls.only, Enable: ls.enable, Disable: ls.disable,
		NoInlineIgnores: ls.noInline, Now: now,
	}
	if diags := set.CheckRuleIDs(opts); diags.HasErrors() {
		return nil, rules.LintOptions{}, &lintStop{cause: view.CauseUsage, diags: diags}
	}
	if ls.config != "" {
		cfg, diags := rules.LoadConfig(ls.config, set)
		if diags.HasErrors() {
			return nil, rules.LintOptions{}, &lintStop{cause: view.CauseConfig, path: ls.config, diags: diags, files: configFiles(ls.config, cfg)}
		}
		opts.Config = cfg
	}
	return set, opts, nil
}

// report is the lint report of an error that stopped the run.
func (s *lintStop) report() *view.LintReport {
	r := &view.LintReport{
		Findings: []*rules.Finding{},
		Rules:    []*rules.Rule{},
		Errors:   s.diags,
		Origins:  map[*hcl.Diagnostic]view.LintOrigin{},
		Files:    s.files,
		Version:  version.Version,
		Command:  "lint",
	}
	if r.Files == nil {
		r.Files = map[string]*hcl.File{}
	}
	for _, d := range s.diags {
		r.Origins[d] = view.LintOrigin{Cause: s.cause, Path: s.path, File: isRegularFile(s.path)}
	}
	return r
}

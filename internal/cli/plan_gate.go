package cli

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/apply"
	"github.com/teramot/teramotc/pkg/rules"
	"github.com/teramot/teramotc/pkg/spec"
)

// gateFlags are the lint gate's flags of plan and apply.
type gateFlags struct {
	skip     bool
	policies stringsFlag
	// config is -config FILE, else TERAMOTC_CONFIG, as for lint; ""
	// reads the .teramotc.hcl in the spec's directory.
	config string
	// noInline is -no-inline-ignores, as for lint: the spec's
	// "# teramotc:ignore" comments suppress nothing.
	noInline bool
}

func addGateFlags(fs *flag.FlagSet, env *Env) *gateFlags {
	g := &gateFlags{}
	fs.BoolVar(&g.skip, "skip-lint", false, "do not block on lint errors")
	fs.Var(&g.policies, "policy", "custom policy directory the lint gate runs too (repeatable)")
	addConfigFlag(fs, env, &g.config, "configuration file of the lint gate")
	fs.BoolVar(&g.noInline, "no-inline-ignores", false, "the lint gate ignores suppression comments")
	return g
}

// record notes in a saved plan's inputs the -policy directories and the
// configuration file its lint gate read, as absolute paths: the plan file
// applies from any directory, as it names its spec.
func (g *gateFlags) record(in *apply.PlanInputs) {
	if len(g.policies) > 0 {
		in.Policies = make([]string, len(g.policies))
		for i, d := range g.policies {
			in.Policies[i] = absPath(d)
		}
	}
	in.Config = absPath(g.config)
}

// lintGate lints the spec as "teramotc lint [-config FILE] [-policy
// DIR...] [-no-inline-ignores] SPEC" would, in the same environment (TERAMOTC_NOW; -config,
// else TERAMOTC_CONFIG, else the spec's .teramotc.hcl), and refuses it
// when that lint would fail at its default fail level: an error stopped
// the lint, or a finding blocks (rules.Blocking at error).
func lintGate(ctx context.Context, r *reporter, path string, opts spec.Options, g *gateFlags) bool {
	env := r.env
	setup := lintSetup{policies: g.policies, config: g.config, noInline: g.noInline}
	set, lo, stop := setup.load(ctx, env, opts)
	var report *view.LintReport
	if stop != nil {
		report = stop.report()
	} else {
		results := set.Lint(ctx, []string{path}, lo)
		report = lintReport(results, set, rules.SeverityError)
		report.Origins = lintOrigins(results, setup.config, report.Files)
	}
	var blocking hcl.Diagnostics
	for _, f := range rules.Blocking(report.Findings, report.FailLevel) {
		rng, detail := f.Range, "Fix the finding, or suppress it with a reason."
		if f.Rule.Link != "" {
			detail += " See " + f.Rule.Link + "."
		}
		blocking = append(blocking, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: f.Rule.ID + ": " + f.Message,
			Detail: detail, Subject: &rng,
			Extra: spec.DiagExtra{RuleID: f.Rule.ID}})
	}
	if len(blocking) == 0 && !report.Errors.HasErrors() {
		return true
	}
	summary, detail := gateRefusal(report, len(blocking))
	if r.planSkippedLint {
		detail = "The plan file was made with -skip-lint: rerun apply with -skip-lint to apply it as planned, " +
			"or fix what lint reports and run \"teramotc plan -out=FILE\" again."
	}
	if r.ev != nil {
		r.ev.Diagnostics(append(report.Errors, blocking...), report.Files)
		r.fail(summary, detail)
		return false
	}
	report.Color = env.ErrColor
	view.WriteLintGate(env.Stderr, report)
	r.fail(summary, detail)
	return false
}

// gateCauses words, in the order lint's summary names them, what can stop
// a lint run.
var gateCauses = []struct {
	cause view.LintCause
	what  string
}{
	{view.CauseUsage, "in the environment (TERAMOTC_NOW)"},
	{view.CausePolicy, "in the -policy directories"},
	{view.CauseConfig, "in the configuration file"},
	{view.CauseSpec, "in the spec"},
	{view.CauseEvaluation, "evaluating the rules"},
	{view.CauseTimeout, "evaluating the rules (timed out)"},
}

// gateRefusal is the summary and detail of the gate's refusal: what
// stopped lint (errors in the configuration file, the policies, the spec)
// and how many error findings it found.
func gateRefusal(report *view.LintReport, findings int) (summary, detail string) {
	byCause := map[view.LintCause]int{}
	for _, d := range report.Errors {
		if d.Severity == hcl.DiagError {
			cause := view.CauseSpec
			if o := report.Origins[d]; o.Cause != "" {
				cause = o.Cause
			}
			byCause[cause]++
		}
	}
	var parts []string
	for _, c := range gateCauses {
		if n := byCause[c.cause]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s %s", n, plural(n, "error", "errors"), c.what))
		}
	}
	const nothing = "; nothing was read from or written to AWS."
	if len(parts) == 0 {
		return fmt.Sprintf("lint found %d error finding(s)", findings) + nothing,
			"Fix the findings, suppress them with a reason, or rerun with -skip-lint."
	}
	summary = "lint was stopped by " + strings.Join(parts, " and ")
	if findings > 0 {
		summary += fmt.Sprintf(", and found %d error finding(s)", findings)
	}
	return summary + nothing, "Fix the errors lint reports above (\"teramotc lint\" shows the same), or rerun with -skip-lint."
}

// matchesPlan refuses to apply a plan file whose lint gate ran with inputs
// apply's would not have: -policy directories apply was not given
// (samePolicies), or another configuration file (sameConfig).
func (g *gateFlags) matchesPlan(r *reporter, was *apply.PlanInputs) bool {
	return samePolicies(r, was, g.policies) && sameConfig(r, was, g.config)
}

// sameConfig refuses to apply a plan file whose lint gate read another
// configuration file than apply's would (now: -config, else
// TERAMOTC_CONFIG): another file may lower, raise or disable rules, so
// apply could pass what plan refused or the reverse. A plan file that
// records no inputs (saved before they were recorded) is not refused.
func sameConfig(r *reporter, was *apply.PlanInputs, now string) bool {
	if was == nil || samePath(was.Config, now) {
		return true
	}
	switch {
	case now == "":
		r.fail("the plan was made with -config "+was.Config+", which apply was not given",
			"Give apply the same -config as plan (or TERAMOTC_CONFIG="+was.Config+"), so that its lint gate reads the same configuration, or plan again without it.")
	case was.Config == "":
		r.fail("apply was given -config "+now+" (or TERAMOTC_CONFIG), but the plan was made without one",
			"The plan's lint gate read the .teramotc.hcl in the spec's directory: drop -config and TERAMOTC_CONFIG so that apply's reads the same, or plan again with -config "+now+".")
	default:
		r.fail("the plan was made with -config "+was.Config+", but apply was given -config "+now+" (or TERAMOTC_CONFIG)",
			"Give apply -config "+was.Config+", so that its lint gate reads the same configuration as plan's, or plan again with -config "+now+".")
	}
	return false
}

// samePath says whether two paths name the same file or directory ("" is
// none); a relative one is taken from the working directory, as the gate
// reads it.
func samePath(a, b string) bool {
	return absPath(a) == absPath(b)
}

// absPath returns p made absolute and clean ("" stays "").
func absPath(p string) string {
	if p == "" {
		return ""
	}
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/internal/version"
	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/rules"
)

func init() {
	register(&Command{
		Name:     "lint",
		Synopsis: "Validate specs, then check them against the built-in and custom rules",
		Usage: `
Usage: teramotc lint [flags] [SPEC...]

Validates each spec (a directory of *.hcl files, or a single file; default
"."), then evaluates the built-in Rego rules (see "teramotc rules") and any
custom policies on it. Several specs are linted in parallel.

Flags:
  -f, -format=FORMAT[=PATH]  text (default), compact, json, sarif, junit,
                             checkstyle or github; with =PATH the output goes
                             to a file. Repeatable; at most one to stdout.
  -fail-level=LEVEL          error (default), warning or notice: findings at
                             or above it exit 2 (alias -minimum-failure-severity)
  -no-fail                   exit 0 even with findings (alias -force)
  -only=ID                   run only this rule (repeatable)
  -enable-rule=ID            enable a rule disabled in the config (repeatable)
  -disable-rule=ID           disable a rule (repeatable; not hard rules)
  -show-suppressed           list suppressed findings too
  -no-inline-ignores         ignore "# teramotc:ignore" comments
  -config=FILE               configuration file (default: TERAMOTC_CONFIG, else
                             .teramotc.hcl in each spec's directory)
  -policy=DIR                custom Rego policies (repeatable)
  -allow-network-builtins    let custom policies call http.send, net.lookup_ip_addr,
                             opa.runtime and other non-deterministic built-ins
  -timeout=DURATION          stop evaluating after DURATION (default 5m)
  -var NAME=VALUE            set a variable (repeatable)
  -var-file=FILE             read variables from an HCL file (repeatable)

Suppressions expire at the end of their until date, in UTC. TERAMOTC_NOW
(YYYY-MM-DD or RFC 3339) sets today's date, for reproducible CI runs.

Exit codes: 0 no findings at or above the fail level, 1 error (invalid spec,
bad flags, policy compile error), 2 findings at or above the fail level.
`,
		Run: runLint,
	})
}

type lintFlags struct {
	formats, only, enable, disable, policies stringsFlag
	failLevel, config                        string
	noFail, showSuppressed, noInline, net    bool
	timeout                                  time.Duration
	vars                                     *varFlags
}

func runLint(env *Env, args []string) int {
	tuneGC()
	fs := newFlagSet(env, "lint")
	var lf lintFlags
	fs.Var(&lf.formats, "format", "output format FORMAT[=PATH] (repeatable)")
	fs.Var(&lf.formats, "f", "shorthand for -format")
	fs.StringVar(&lf.failLevel, "fail-level", "error", "error, warning or notice")
	fs.StringVar(&lf.failLevel, "minimum-failure-severity", "error", "alias of -fail-level")
	fs.BoolVar(&lf.noFail, "no-fail", false, "always exit 0 on findings")
	fs.BoolVar(&lf.noFail, "force", false, "alias of -no-fail")
	fs.Var(&lf.only, "only", "run only this rule (repeatable)")
	fs.Var(&lf.enable, "enable-rule", "enable a rule (repeatable)")
	fs.Var(&lf.disable, "disable-rule", "disable a rule (repeatable)")
	fs.BoolVar(&lf.showSuppressed, "show-suppressed", false, "list suppressed findings")
	fs.BoolVar(&lf.noInline, "no-inline-ignores", false, "ignore suppression comments")
	fs.StringVar(&lf.config, "config", env.Getenv("TERAMOTC_CONFIG"), "configuration file")
	fs.Var(&lf.policies, "policy", "custom policy directory (repeatable)")
	fs.BoolVar(&lf.net, "allow-network-builtins", false, "allow network built-ins in custom policies")
	fs.DurationVar(&lf.timeout, "timeout", 5*time.Minute, "evaluation deadline")
	lf.vars = addVarFlags(fs)
	paths, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	outputs, code := lintOutputs(env, lf.formats)
	if outputs == nil {
		return code
	}
	failLevel := rules.Severity(lf.failLevel)
	if !failLevel.Valid() {
		return usageError(env, "lint", "-fail-level must be error, warning or notice, not %q", lf.failLevel)
	}
	now, err := lintNow(env)
	if err != nil {
		return usageError(env, "lint", "%v", err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), lf.timeout)
	defer cancel()
	set, err := rules.Load(ctx, rules.Options{PolicyDirs: lf.policies, AllowNetworkBuiltins: lf.net})
	if err != nil {
		fmt.Fprintf(env.Stderr, "Error: %v\n", err)
		return view.ExitError
	}
	opts := rules.LintOptions{
		Spec: lf.vars.options(env), Only: lf.only, Enable: lf.enable, Disable: lf.disable,
		NoInlineIgnores: lf.noInline, Now: now,
	}
	if diags := set.CheckRuleIDs(opts); diags.HasErrors() {
		return failDiags(env, diags, nil)
	}
	if lf.config != "" {
		cfg, diags := rules.LoadConfig(lf.config, set)
		if diags.HasErrors() {
			return failDiags(env, diags, map[string]*hcl.File{})
		}
		opts.Config = cfg
	}

	results := set.Lint(ctx, paths, opts)
	report := lintReport(results, set, failLevel)
	report.ShowSuppressed = lf.showSuppressed
	report.NoFail = lf.noFail
	report.Color = env.Color
	for _, o := range outputs {
		if err := o.write(report); err != nil {
			fmt.Fprintf(env.Stderr, "Error: writing %s output: %v\n", o.format, err)
			return view.ExitError
		}
	}
	return report.ExitCode()
}

// lintReport merges the results of several specs into one report.
func lintReport(results []*rules.SpecResult, set *rules.Set, failLevel rules.Severity) *view.LintReport {
	r := &view.LintReport{
		Findings:  []*rules.Finding{},
		Rules:     []*rules.Rule{},
		Errors:    hcl.Diagnostics{},
		Files:     map[string]*hcl.File{},
		FailLevel: failLevel,
		Version:   version.Version,
		Command:   "lint",
	}
	seen := map[string]bool{}
	for _, res := range results {
		r.Findings = append(r.Findings, res.Findings...)
		r.Errors = append(r.Errors, res.Diagnostics...)
		for name, f := range res.Files {
			r.Files[name] = f
		}
		for _, rule := range res.Rules {
			if !seen[rule.ID] {
				seen[rule.ID] = true
				r.Rules = append(r.Rules, rule)
			}
		}
	}
	slices.SortFunc(r.Rules, func(a, b *rules.Rule) int { return strings.Compare(a.ID, b.ID) })
	view.SortFindings(r.Findings)
	return r
}

// lintNow is today for suppression expiry: TERAMOTC_NOW, else the clock.
func lintNow(env *Env) (time.Time, error) {
	v := env.Getenv("TERAMOTC_NOW")
	if v == "" {
		return env.Now(), nil
	}
	for _, layout := range []string{time.DateOnly, time.RFC3339} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("TERAMOTC_NOW=%q is not a date (YYYY-MM-DD) or an RFC 3339 time", v)
}

type lintOutput struct {
	format, path string
	w            io.Writer
}

func (o lintOutput) write(r *view.LintReport) error {
	if o.path == "" {
		return view.WriteLint(o.w, o.format, r)
	}
	if err := os.MkdirAll(filepath.Dir(o.path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(o.path)
	if err != nil {
		return err
	}
	rc := *r
	rc.Color = false
	if err := view.WriteLint(f, o.format, &rc); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// lintOutputs parses the -f FORMAT[=PATH] flags.
func lintOutputs(env *Env, specs []string) ([]lintOutput, int) {
	if len(specs) == 0 {
		specs = []string{"text"}
	}
	var outs []lintOutput
	stdout := ""
	for _, s := range specs {
		format, path, _ := strings.Cut(s, "=")
		if !slices.Contains(view.LintFormats(), format) {
			return nil, usageError(env, "lint", "unknown format %q; lint writes %s", format, strings.Join(view.LintFormats(), ", "))
		}
		if path == "" || path == "-" {
			if stdout != "" {
				return nil, usageError(env, "lint", "formats %s and %s both write to stdout; give one of them a file: -f %s=FILE", stdout, format, format)
			}
			stdout, path = format, ""
		}
		outs = append(outs, lintOutput{format: format, path: path, w: env.Stdout})
	}
	return outs, 0
}

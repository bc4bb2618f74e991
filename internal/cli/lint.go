package cli

import (
	"cmp"
	"context"
	"flag"
	"fmt"
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
  -no-fail                   exit 0 even with findings, except hard-rule
                             findings (alias -force)
  -only=ID                   run only this rule (repeatable)
  -enable-rule=ID            enable a rule disabled in the config (repeatable)
  -disable-rule=ID           disable a rule (repeatable; not hard rules)
  -show-suppressed           list suppressed findings too (not in SARIF)
  -sarif-include-suppressed  put suppressed findings in SARIF too, with their
                             suppressions (GitHub code scanning shows them
                             as open alerts: a warning says so)
  -sarif-category=NAME       code scanning category of the SARIF run
                             (automationDetails.id "NAME/"); without it the
                             uploader's category applies
  -no-inline-ignores         ignore "# teramotc:ignore" comments
  -filter=FILE               report only the findings and warnings in FILE,
                             relative to the working directory (repeatable);
                             the whole spec is still linted, and errors are
                             reported whatever their file
  -config=FILE               configuration file (default: TERAMOTC_CONFIG, else
                             .teramotc.hcl in each spec's directory)
  -policy=DIR                custom Rego policies (repeatable)
  -allow-network-builtins    let custom policies call http.send, net.lookup_ip_addr,
                             opa.runtime and other non-deterministic built-ins
  -timeout=DURATION          stop evaluating after DURATION (default 5m,
                             0: no limit)
  -var NAME=VALUE            set a variable (repeatable)
  -var-file=FILE             read variables from an HCL file (repeatable)
  -no-color                  disable colour

Suppressions expire at the end of their until date, in UTC. TERAMOTC_NOW
(YYYY-MM-DD or RFC 3339) sets today's date, for reproducible CI runs.

Findings of hard rules (HARD in "teramotc rules": AWS rejects such a spec,
and validate reports it) are listed like the others, but they make the spec
invalid: lint exits 1 whatever -fail-level, -no-fail and -force say.

Errors that stop the lint (in a spec, a configuration file, the policies,
the flags, or the -timeout deadline) are written in every requested format:
the json "errors" array, SARIF toolExecutionNotifications, junit and
checkstyle error entries; the text format prints them on stderr.

A report file (-f FORMAT=PATH) is never written through a symbolic link:
lint refuses, with exit 1, a PATH that is a link, that lies under a linked
directory below the working directory, or that is not a regular file. In
CI, write reports outside the checkout (GitHub Actions: under $RUNNER_TEMP),
where a pull request cannot commit a link.

SARIF and github paths are relative to the repository root, as GitHub
reads them: SARIF uris are relative to %SRCROOT%, the git work tree holding
the first spec (else GITHUB_WORKSPACE); github annotations, on a GitHub
runner (GITHUB_WORKSPACE set), to the same directory. Elsewhere, and when
no root is found, they are relative to the working directory.

Exit codes: 0 no findings at or above the fail level, 1 error (invalid spec,
hard-rule finding, bad flags, configuration or policy error, timeout),
2 findings at or above the fail level.
`,
		Run: runLint,
	})
}

type lintFlags struct {
	formats, only, enable, disable, policies stringsFlag
	filters                                  stringsFlag
	failLevel, config, sarifCategory         string
	noFail, showSuppressed, noInline, net    bool
	sarifSuppressed                          bool
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
	fs.BoolVar(&lf.sarifSuppressed, "sarif-include-suppressed", false, "put suppressed findings in SARIF")
	fs.StringVar(&lf.sarifCategory, "sarif-category", "", "code scanning category of the SARIF run")
	fs.BoolVar(&lf.noInline, "no-inline-ignores", false, "ignore suppression comments")
	fs.Var(&lf.filters, "filter", "report only the findings in FILE (repeatable)")
	addConfigFlag(fs, env, &lf.config, "configuration file")
	fs.Var(&lf.policies, "policy", "custom policy directory (repeatable)")
	fs.BoolVar(&lf.net, "allow-network-builtins", false, "allow network built-ins in custom policies")
	fs.DurationVar(&lf.timeout, "timeout", 5*time.Minute, "evaluation deadline")
	lf.vars = addVarFlags(fs)
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return lintFlagError(env, fs, args, err)
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	paths = specOperands(env, paths)
	outputs, code := lintOutputs(env, lf.formats)
	if outputs == nil {
		return code
	}
	if lf.sarifSuppressed && slices.ContainsFunc(outputs, func(o lintOutput) bool { return o.format == "sarif" }) {
		view.WriteSARIFSuppressedWarning(env.Stderr)
	}
	// From here on, every error is written in the requested formats.
	out := &lintWriter{env: env, outputs: outputs, showSuppressed: lf.showSuppressed, noFail: lf.noFail,
		sarifCategory: lf.sarifCategory, sarifSuppressed: lf.sarifSuppressed, roots: findLintRoots(env, paths)}
	failLevel := rules.Severity(lf.failLevel)
	if !failLevel.Valid() {
		return out.stop(view.CauseUsage, "", lintUsageDiag("Invalid -fail-level",
			fmt.Sprintf("-fail-level must be error, warning or notice, not %q.%s", lf.failLevel,
				didYouMean(lf.failLevel, []string{"error", "warning", "notice"}))), nil)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if lf.timeout > 0 { // 0 or less: no limit, as for policy test
		var stop context.CancelFunc
		ctx, stop = context.WithTimeout(ctx, lf.timeout)
		defer stop()
	}
	setup := lintSetup{policies: lf.policies, net: lf.net, config: lf.config,
		only: lf.only, enable: lf.enable, disable: lf.disable, noInline: lf.noInline}
	set, opts, stop := setup.load(ctx, env, lf.vars.options(env))
	if stop != nil {
		return out.stop(stop.cause, stop.path, stop.diags, stop.files)
	}

	results := set.Lint(ctx, paths, opts)
	report := lintReport(results, set, failLevel)
	report.Origins = lintOrigins(results, lf.config, report.Files)
	if filter := newLintFilter(lf.filters); filter != nil {
		if !report.Errors.HasErrors() {
			if diags := filter.unknown(report, paths); diags != nil {
				return out.stop(view.CauseUsage, "", diags, nil)
			}
		}
		filter.apply(report)
	}
	return out.write(report)
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
		Overrides: rules.MergeOverrides(results),
	}
	seen := map[string]bool{}
	seenDiag := map[*hcl.Diagnostic]bool{} // specs of one directory share its config's
	for _, res := range results {
		r.Findings = append(r.Findings, res.Findings...)
		r.Unhonoured += res.Unhonoured
		if res.InlineIgnoresOff {
			if r.InlineIgnoresOff == nil {
				r.InlineIgnoresOff = map[string]bool{}
			}
			for _, f := range res.Findings {
				r.InlineIgnoresOff[f.Range.Filename] = true
			}
		}
		for _, d := range res.Diagnostics {
			if !seenDiag[d] {
				seenDiag[d] = true
				r.Errors = append(r.Errors, d)
			}
		}
		for name, f := range res.Files {
			r.Files[name] = f
		}
		for _, rule := range res.Rules {
			if !seen[rule.ID] {
				seen[rule.ID] = true
				// The default, not this spec's configured copy: rule
				// metadata must not depend on the order of the specs.
				r.Rules = append(r.Rules, cmp.Or(set.Rule(rule.ID), rule))
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

// lintFlagError reports flags that do not parse: in the formats the -f
// flags of args ask for, as the other errors that stop lint, when they
// are valid; else (and for -help) on stderr as any command does.
func lintFlagError(env *Env, fs *flag.FlagSet, args []string, err error) int {
	given := prescanFlags(fs, args, map[string]string{"format": "format", "f": "format", "sarif-category": "sarif-category"})
	formats := given["format"]
	if err == flag.ErrHelp || len(formats) == 0 {
		reportParseError(fs, err)
		return exitCodeForParse(err)
	}
	outputs, p := parseLintOutputs(formats)
	if p != nil {
		reportParseError(fs, err)
		return exitCodeForParse(err)
	}
	fp := flagProblem(fs, err)
	out := &lintWriter{env: env, outputs: outputs, roots: findLintRoots(env, nil)}
	if cats := given["sarif-category"]; len(cats) > 0 {
		out.sarifCategory = cats[len(cats)-1]
	}
	return out.stop(view.CauseUsage, "", hcl.Diagnostics{{Severity: hcl.DiagError, Summary: fp.summary, Detail: fp.detail}}, nil)
}

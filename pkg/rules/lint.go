package rules

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/inspect"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// LintOptions configure a lint run.
type LintOptions struct {
	Spec spec.Options
	// Config is the --config file, used for every spec; when nil each spec
	// uses the .teramotc.hcl of its directory, if any.
	Config *Config
	// Only, Enable and Disable select rules by id (--only, --enable-rule,
	// --disable-rule); they override the configuration.
	Only, Enable, Disable []string
	// NoInlineIgnores ignores every suppression comment (--no-inline-ignores).
	NoInlineIgnores bool
	// Now dates suppressions' until; zero means time.Now.
	Now time.Time
	// Parallel is the number of specs linted at once; 0 means GOMAXPROCS.
	Parallel int
}

// SpecResult is the outcome of linting one spec.
type SpecResult struct {
	Path string
	// Loaded is the spec while it is linted; Lint sets it to nil before
	// returning, so that a run over thousands of specs keeps only their
	// sources and findings (see compact).
	Loaded *spec.Loaded
	// Findings holds every finding, suppressed ones included, sorted.
	Findings []*Finding
	// Diagnostics are the spec's problems that are not rule findings: load,
	// render and configuration errors (which stop the rules) and warnings.
	Diagnostics hcl.Diagnostics
	// Files maps file names to the files of the spec, its var files and
	// config: their Bytes, and a Nav that gives the block context of each
	// position in Findings and Diagnostics (no syntax tree, see compact).
	Files map[string]*hcl.File
	// Rules are the enabled rules with their effective severity.
	Rules []*Rule
	// InlineIgnoresOff is set when the spec's suppression comments are not
	// honoured (inline_ignores = false in its configuration, or
	// --no-inline-ignores): only the configuration's ignore blocks suppress.
	InlineIgnoresOff bool
	// Unhonoured counts the spec's suppression comments when
	// InlineIgnoresOff: comments that suppress nothing.
	Unhonoured int

	cfg        *Config
	sel        *selection
	today      string
	configUsed map[*directive]map[string]bool
	// configRejected: ids of ignore blocks that matched only errors of
	// validate's, which no suppression hides.
	configRejected map[*directive]map[string]bool
	// evaluated: every enabled rule ran to completion. Without it (a
	// config or spec error stopped the rules, evaluation failed or timed
	// out) no suppression can be known unused: no TMC903.
	evaluated bool
	// blanket are the ignore blocks that cover the whole spec, as
	// RuleOverrides (blanketIgnores).
	blanket []RuleOverride
}

// Lint lints each path (a spec directory or file) as its own spec, in
// parallel, and returns the results in the order of paths.
func (s *Set) Lint(ctx context.Context, paths []string, opts LintOptions) []*SpecResult {
	results := make([]*SpecResult, len(paths))
	workers := opts.Parallel
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// Fewer specs than cores: each spec's rules are evaluated in two halves
	// at once, so that linting one spec uses two cores.
	split := len(paths) < workers
	configs := newConfigCache(s, opts.Config)
	sels := newSelectionCache(s, opts)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = s.lintOne(ctx, paths[i], opts, configs, sels, split)
			}
		}()
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	configs.reportUnused(results)
	return results
}

func (s *Set) lintOne(ctx context.Context, path string, opts LintOptions, configs *configCache, sels *selectionCache, split bool) *SpecResult {
	res := &SpecResult{Path: path, Files: map[string]*hcl.File{}}
	cfg, diags := configs.get(path)
	res.Diagnostics = append(res.Diagnostics, diags...)
	if cfg != nil && cfg.File != nil {
		res.Files[cfg.Filename] = cfg.File
	}
	sel, enabled := sels.get(cfg)
	res.Rules = enabled

	loaded, diags := spec.Load(path, opts.Spec)
	res.Loaded = loaded
	if loaded != nil {
		for name, f := range loaded.Files {
			res.Files[name] = f
		}
	}
	hard := s.hardFindings(diags, res)
	if loaded != nil && loaded.Spec != nil && !res.Diagnostics.HasErrors() {
		out, rdiags := render.Render(loaded.Spec)
		hard = append(hard, s.hardFindings(redactDiags(loaded, rdiags), res)...)
		if !rdiags.HasErrors() {
			hard = append(hard, s.hardFindings(redactDiags(loaded, render.Validate(out, loaded.Spec)), res)...)
		}
		if !res.Diagnostics.HasErrors() {
			found, err := s.evaluate(ctx, inspect.Value(loaded, out), split, sel)
			if err != nil {
				res.Diagnostics = append(res.Diagnostics, redactDiags(loaded, hcl.Diagnostics{evalFailure(ctx, err)})...)
			}
			res.evaluated = err == nil
			hard = append(hard, dedupeHard(found, hard)...)
			// validate's findings too, so that ignore blocks can name them
			fillAddresses(hard, func() map[string]any { return inspect.Build(loaded, out) })
		}
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	res.today = now.UTC().Format(time.DateOnly)
	res.InlineIgnoresOff = opts.NoInlineIgnores || (cfg != nil && !cfg.InlineIgnores)
	res.Findings = s.suppress(hard, res, cfg, sel, opts.NoInlineIgnores, res.today)
	if res.InlineIgnoresOff && loaded != nil {
		for name, f := range loaded.Files {
			d, _ := parseInline(f, name, loaded.Tokens(name), s)
			res.Unhonoured += len(d)
		}
	}
	redactFindings(loaded, res.Findings, res.Files) // after suppress: that matches real addresses
	SortFindings(res.Findings)
	res.compact()
	return res
}

// hardFindings turns the diagnostics that carry a rule id into findings and
// appends the others to res.Diagnostics.
func (s *Set) hardFindings(diags hcl.Diagnostics, res *SpecResult) []*Finding {
	var out []*Finding
	for _, d := range diags {
		id := spec.RuleID(d)
		if id == "" || d.Subject == nil {
			res.Diagnostics = append(res.Diagnostics, d)
			continue
		}
		r := s.Rule(id)
		if r == nil {
			r = &Rule{ID: id, Name: id, Title: d.Summary, Severity: SeverityError, Hard: true,
				RelatedResources: []string{}, Peers: []string{}}
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		out = append(out, &Finding{Rule: r, Message: msg, Range: *d.Subject, validated: true})
	}
	return out
}

// dedupeHard drops Rego findings that validate already reported with the
// same rule id on an overlapping range (validate points at an attribute's
// value, the Rego rule often at the whole attribute).
func dedupeHard(found, hard []*Finding) []*Finding {
	out := found[:0]
	for _, f := range found {
		if !slices.ContainsFunc(hard, func(h *Finding) bool {
			return h.Rule.ID == f.Rule.ID && overlaps(h.Range, f.Range)
		}) {
			out = append(out, f)
		}
	}
	return out
}

func overlaps(a, b hcl.Range) bool {
	return sameFile(a.Filename, b.Filename) && a.Start.Byte <= b.End.Byte && b.Start.Byte <= a.End.Byte
}

// evalFailure describes an evaluation error; a deadline that passed is named
// as such, whatever OPA's wording for the built-in it interrupted. The
// diagnostic carries an EvalFailure marker.
func evalFailure(ctx context.Context, err error) *hcl.Diagnostic {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Policy evaluation timed out",
			Detail: "The rules did not finish before the evaluation deadline (lint -timeout; deadline exceeded): " + err.Error() +
				". A custom policy may loop over very large ranges; fix it, or raise -timeout.",
			Extra: EvalFailure{TimedOut: true},
		}
	}
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Policy evaluation failed", Detail: err.Error(), Extra: EvalFailure{}}
}

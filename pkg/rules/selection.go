package rules

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/rego"
)

// selection is the effective rule set of one spec: which rules are enabled
// and their severities, after .teramotc.hcl and the command line.
type selection struct {
	rules map[string]*Rule // enabled rules by id, copies with the effective severity
	// overrides are the rules disabled or re-graded, compared with the
	// built-in defaults, by id.
	overrides []RuleOverride
}

func (s *Set) selection(cfg *Config, opts LintOptions) *selection {
	sel := &selection{rules: map[string]*Rule{}, overrides: []RuleOverride{}}
	for _, r := range s.Rules() {
		c := choose(r, cfg, opts)
		if o, ok := c.override(r); ok {
			sel.overrides = append(sel.overrides, o)
		}
		if !c.enabled {
			continue
		}
		if c.severity != r.Severity {
			cp := *r
			cp.Severity = c.severity
			r = &cp
		}
		sel.rules[r.ID] = r
	}
	return sel
}

// choice is what the configuration and the command line make of one rule.
type choice struct {
	enabled  bool
	severity Severity // the effective severity
	// source and reason say what decided: the flag (SourceDisableRule,
	// SourceOnly) that disabled the rule, or the configuration file and
	// its rule block's reason; source is "" when nothing changed the rule.
	source, reason string
}

// choose applies, highest first: a hard rule is always on at its own
// severity (AWS rejects the spec either way); then --disable-rule,
// --enable-rule, --only (which leaves the meta rules, the suppression
// checks, on), and the configuration's rule block. A severity the
// configuration sets holds whatever enabled the rule.
func choose(r *Rule, cfg *Config, opts LintOptions) choice {
	if r.Hard {
		return choice{enabled: true, severity: r.Severity}
	}
	c := choice{enabled: true, severity: r.Severity}
	var rc *RuleConfig
	if cfg != nil {
		rc = cfg.Rules[r.ID]
	}
	if rc != nil {
		c.source, c.reason = cfg.Filename, rc.Reason
		if rc.Severity != "" {
			c.severity = rc.Severity
		}
	}
	switch {
	case hasID(opts.Disable, r.ID):
		c.enabled, c.source, c.reason = false, SourceDisableRule, ""
	case hasID(opts.Enable, r.ID):
	case len(opts.Only) > 0 && !slices.Contains(MetaRules(), r):
		if !hasID(opts.Only, r.ID) {
			c.enabled, c.source, c.reason = false, SourceOnly, ""
		}
	case rc != nil && rc.Enabled != nil:
		c.enabled = *rc.Enabled
	}
	return c
}

// hasID reports whether ids holds id in any case.
func hasID(ids []string, id string) bool {
	return slices.ContainsFunc(ids, func(s string) bool { return strings.EqualFold(s, id) })
}

func (sel *selection) enabledRules() []*Rule {
	out := make([]*Rule, 0, len(sel.rules))
	for _, r := range sel.rules {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b *Rule) int {
		switch {
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	})
	return out
}

// CheckRuleIDs reports ids of --only, --enable-rule and --disable-rule that
// name no rule, and hard rules given to --disable-rule. Ids may be written
// in any case.
func (s *Set) CheckRuleIDs(opts LintOptions) hcl.Diagnostics {
	var diags hcl.Diagnostics
	check := func(flag string, ids []string) {
		for _, id := range ids {
			r := s.ruleByID(id)
			switch {
			case r == nil:
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unknown rule",
					Detail: "--" + flag + " " + id + ": no rule has this id." + s.didYouMean(id) + " Run \"teramotc rules\" for the list."})
			case r.Hard && flag == "disable-rule":
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Hard rule cannot be disabled",
					Detail: r.ID + " is a hard rule: AWS rejects such a spec, so it cannot be disabled."})
			}
		}
	}
	check("only", opts.Only)
	check("enable-rule", opts.Enable)
	check("disable-rule", opts.Disable)
	return diags
}

// configCache loads each spec directory's .teramotc.hcl once, or hands out
// the --config file.
type configCache struct {
	set     *Set
	fixed   *Config
	mu      sync.Mutex
	byPath  map[string]*configEntry
	ignores []*directive // config directives in use, for TMC903 across specs
}

type configEntry struct {
	cfg   *Config
	diags hcl.Diagnostics
}

func newConfigCache(set *Set, fixed *Config) *configCache {
	return &configCache{set: set, fixed: fixed, byPath: map[string]*configEntry{}}
}

func (c *configCache) get(specPath string) (*Config, hcl.Diagnostics) {
	if c.fixed != nil {
		return c.fixed, nil
	}
	file := FindConfig(specPath)
	if file == "" {
		return nil, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byPath[file]
	if !ok {
		cfg, diags := loadSpecConfig(file, c.set)
		e = &configEntry{cfg: cfg, diags: diags}
		c.byPath[file] = e
	}
	return e.cfg, e.diags
}

// ruleQueries are prepared lint queries (lintQueries or subsetQueries) and
// the rules whose deny sets each returns, in order.
type ruleQueries struct {
	queries [1 + parts]rego.PreparedEvalQuery
	rules   []*Rule
	parts   [parts][]*Rule
}

// noSubsets, set by a test, evaluates every rule whatever the selection.
var noSubsets bool

type subsetEntry struct {
	once sync.Once
	q    ruleQueries
	err  error
}

// queriesFor returns the queries that evaluate the Rego rules sel enables.
// The findings of the others are dropped anyway (suppress), so leaving them
// out changes no result. When sel enables more than half of the rules, the
// precompiled query of every rule is used: the rules left out save less
// than a query of their own costs to prepare (about 2 ms for 40 rules).
// Otherwise (--only, or most rules disabled) a query of the enabled rules
// is prepared once per set and selection, on the compiled set: the policies
// are never compiled again.
func (s *Set) queriesFor(ctx context.Context, sel *selection) (ruleQueries, error) {
	all := ruleQueries{queries: s.queries, rules: s.rules, parts: s.parts}
	if sel == nil || s.compiler == nil || noSubsets {
		return all, nil
	}
	var rs []*Rule
	for _, r := range s.rules {
		if sel.rules[r.ID] != nil {
			rs = append(rs, r)
		}
	}
	if 2*len(rs) > len(s.rules) {
		return all, nil
	}
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	v, _ := s.subsets.LoadOrStore(strings.Join(ids, ","), &subsetEntry{})
	e := v.(*subsetEntry)
	e.once.Do(func() {
		e.q.rules = rs
		for _, r := range rs {
			p := partOf(r)
			e.q.parts[p] = append(e.q.parts[p], r)
		}
		bodies, err := subsetQueries(rs)
		if err != nil {
			e.err = err
			return
		}
		e.q.queries, e.err = prepareBodies(context.WithoutCancel(ctx), s.compiler, bodies)
	})
	return e.q, e.err
}

package rules

import (
	"fmt"
	"sort"
	"strings"
)

// suppress maps findings to the spec's effective rules, drops those of
// disabled rules, applies the suppressions and adds the meta findings
// (TMC901-TMC903) of inline suppressions. Config ignore blocks are shared by
// specs; their TMC902/TMC903 come from reportUnused.
func (s *Set) suppress(findings []*Finding, res *SpecResult, cfg *Config, sel *selection, noInline bool, today string) []*Finding {
	res.cfg, res.sel = cfg, sel
	res.configUsed = map[*directive]map[string]bool{}
	var dirs []*directive
	var meta []*Finding
	if cfg != nil {
		dirs = append(dirs, cfg.ignores...)
	}
	if !noInline && (cfg == nil || cfg.InlineIgnores) && res.Loaded != nil {
		names := make([]string, 0, len(res.Loaded.Files))
		for name := range res.Loaded.Files {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			d, bad := parseInline(res.Loaded.Files[name], name, res.Loaded.Tokens(name), s)
			dirs = append(dirs, d...)
			meta = append(meta, bad...)
		}
	}

	out := make([]*Finding, 0, len(findings))
	for _, f := range findings {
		r := sel.rules[f.Rule.ID]
		if r == nil && !f.Rule.Hard && !f.validated {
			continue // disabled
		}
		if r != nil {
			f.Rule = r
			f.lowerSeverity()
		}
		out = append(out, f)
		if f.Rule.Hard || f.validated {
			continue // AWS rejects the spec: never suppressed
		}
		for _, d := range dirs {
			if d.expired(today) || !d.matches(f) {
				continue
			}
			f.Suppression = &Suppression{Kind: d.kind, Reason: d.reason, Until: d.until, Source: d.source}
			if d.kind == "config" {
				if res.configUsed[d] == nil {
					res.configUsed[d] = map[string]bool{}
				}
				res.configUsed[d][f.Rule.ID] = true
			} else {
				d.used[f.Rule.ID] = true
			}
			break
		}
	}
	for _, d := range dirs {
		if d.kind != "config" {
			meta = append(meta, directiveFindings(d, d.used, today, sel, res.evaluated)...)
		}
	}
	return append(out, sel.filterMeta(meta)...)
}

// directiveFindings reports an expired directive (TMC902, at the comment or
// ignore block) or the ids of a live directive that suppressed nothing
// (TMC903, at the comment, or at the addresses or paths value of an ignore
// block). Unless evaluated (the rules ran on every spec the directive
// covers), what it would have suppressed is unknown: no TMC903.
func directiveFindings(d *directive, used map[string]bool, today string, sel *selection, evaluated bool) []*Finding {
	what := "Suppression"
	if d.kind == "config" {
		what = "Ignore block"
	}
	if d.expired(today) {
		return []*Finding{{Rule: RuleSuppressionExpired, Range: d.source,
			Message: fmt.Sprintf("%s of %s expired on %s and no longer applies (reason was: %s)", what, strings.Join(d.ids, ","), d.until, d.reason)}}
	}
	if !evaluated {
		return nil
	}
	at := d.source
	if d.kind == "config" && d.scope.Filename != "" {
		at = d.scope // the addresses (or paths) that matched nothing
	}
	var out []*Finding
	for _, id := range d.ids {
		if used[id] || sel.rules[id] == nil {
			continue // a disabled rule cannot produce findings to suppress
		}
		out = append(out, &Finding{Rule: RuleSuppressionUnused, Range: at,
			Message: fmt.Sprintf("%s of %s matches no finding; delete it", what, id)})
	}
	return out
}

// filterMeta keeps the meta findings of enabled meta rules, with their
// effective severity.
func (sel *selection) filterMeta(meta []*Finding) []*Finding {
	out := meta[:0]
	for _, f := range meta {
		if r := sel.rules[f.Rule.ID]; r != nil {
			f.Rule = r
			out = append(out, f)
		}
	}
	return out
}

// reportUnused adds TMC902/TMC903 for the ignore blocks of each config file,
// once per file, to the first spec that used the file, after every spec
// had the chance to use them.
func (c *configCache) reportUnused(results []*SpecResult) {
	done := map[*Config]bool{}
	for i, res := range results {
		if res == nil || res.cfg == nil || done[res.cfg] {
			continue
		}
		done[res.cfg] = true
		for _, d := range res.cfg.ignores {
			used := map[string]bool{}
			evaluated := true
			for _, other := range results[i:] {
				if other != nil && other.cfg == res.cfg {
					evaluated = evaluated && other.evaluated
					for id := range other.configUsed[d] {
						used[id] = true
					}
				}
			}
			found := directiveFindings(d, used, res.today, res.sel, evaluated)
			hintAddresses(found, d, res.cfg, results[i:])
			res.Findings = append(res.Findings, res.sel.filterMeta(found)...)
		}
		SortFindings(res.Findings)
	}
}

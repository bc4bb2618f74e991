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
	var names []string
	if res.Loaded != nil {
		for name := range res.Loaded.Files {
			names = append(names, name)
		}
		sort.Strings(names)
	}
	res.blanket = s.blanketIgnores(cfg, sel, names, today)
	if !noInline && (cfg == nil || cfg.InlineIgnores) && res.Loaded != nil {
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
			res.markRejected(f, dirs, today) // AWS rejects the spec: never suppressed
			continue
		}
		for _, d := range dirs {
			if d.expired(today) || !d.matches(f) {
				continue
			}
			f.Suppression = &Suppression{Kind: d.kind, Reason: d.reason, Until: d.until, Source: d.source}
			if d.kind == "config" {
				res.configUsed = addID(res.configUsed, d, f.Rule.ID)
			} else {
				d.used[f.Rule.ID] = true
			}
			break
		}
	}
	for _, d := range dirs {
		if d.kind != "config" {
			meta = append(meta, directiveFindings(d, d.used, d.rejected, today, sel, res.evaluated)...)
		}
	}
	return append(out, sel.filterMeta(meta)...)
}

// markRejected records the live directives that would have suppressed f,
// an error of validate's (AWS rejects the value, as for the format part of
// TMC602 or TMC604), which no suppression hides: their TMC903 then says so
// instead of "matches no finding".
func (res *SpecResult) markRejected(f *Finding, dirs []*directive, today string) {
	for _, d := range dirs {
		if d.expired(today) || !d.matches(f) {
			continue
		}
		if d.kind == "config" {
			res.configRejected = addID(res.configRejected, d, f.Rule.ID)
			continue
		}
		if d.rejected == nil {
			d.rejected = map[string]bool{}
		}
		d.rejected[f.Rule.ID] = true
	}
}

// addID records id for d in m, which it allocates as needed.
func addID(m map[*directive]map[string]bool, d *directive, id string) map[*directive]map[string]bool {
	if m == nil {
		m = map[*directive]map[string]bool{}
	}
	if m[d] == nil {
		m[d] = map[string]bool{}
	}
	m[d][id] = true
	return m
}

// directiveFindings reports an expired directive (TMC902, at the comment or
// ignore block) or the ids of a live directive that suppressed nothing
// (TMC903, at the comment, or at the addresses or paths value of an ignore
// block). An id that only matched errors of validate's (rejected) is
// reported as unable to hide them. Unless evaluated (the rules ran on every
// spec the directive covers), what else it would have suppressed is
// unknown: no other TMC903.
func directiveFindings(d *directive, used, rejected map[string]bool, today string, sel *selection, evaluated bool) []*Finding {
	what := "Suppression"
	if d.kind == "config" {
		what = "Ignore block"
	}
	if d.expired(today) {
		return []*Finding{{Rule: RuleSuppressionExpired, Range: d.source,
			Message: fmt.Sprintf("%s of %s expired on %s and no longer applies (reason was: %s)", what, strings.Join(d.ids, ","), d.until, d.reason)}}
	}
	at := d.source
	if d.kind == "config" && d.scope.Filename != "" {
		at = d.scope // the addresses (or paths) that matched nothing
	}
	var out []*Finding
	for _, id := range d.ids {
		switch {
		case used[id] || sel.rules[id] == nil && !rejected[id]:
			continue // a disabled rule cannot produce findings to suppress
		case rejected[id]:
			out = append(out, &Finding{Rule: RuleSuppressionUnused, Range: at,
				Message: fmt.Sprintf("%s of %s cannot hide its error: AWS rejects that value, so validate reports it "+
					"whatever the suppressions; correct the value and delete the %s", what, id, strings.ToLower(what))})
		case evaluated:
			out = append(out, &Finding{Rule: RuleSuppressionUnused, Range: at,
				Message: fmt.Sprintf("%s of %s matches no finding; delete it", what, id)})
		}
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
			used, rejected := map[string]bool{}, map[string]bool{}
			evaluated := true
			for _, other := range results[i:] {
				if other != nil && other.cfg == res.cfg {
					evaluated = evaluated && other.evaluated
					for id := range other.configUsed[d] {
						used[id] = true
					}
					for id := range other.configRejected[d] {
						rejected[id] = true
					}
				}
			}
			found := directiveFindings(d, used, rejected, res.today, res.sel, evaluated)
			if !rejected[d.ids[0]] { // its message says why it hid nothing
				hintAddresses(found, d, res.cfg, results[i:])
			}
			res.Findings = append(res.Findings, res.sel.filterMeta(found)...)
		}
		SortFindings(res.Findings)
	}
}

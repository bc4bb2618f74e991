package apply

import (
	"fmt"
	"sort"
	"strings"
)

// shortensExpiration explains why a lifecycle change may delete data that
// the live configuration keeps, or keeps longer ("" when it provably does
// not). Both arguments are canonical lifecycle configurations (nil: none).
//
// Every deleting action of an enabled rule of want (object expiration,
// noncurrent-version expiration, expired delete markers, aborting
// incomplete multipart uploads) must be covered by one enabled live rule:
// a rule whose filter matches every object the new rule matches (same or
// shorter prefix, a subset of its tags, size bounds at least as wide) and
// whose same action deletes as soon or sooner. Anything else is reported:
// a new expiring rule, a shorter expiration, a widened filter, a rule
// turned on. The check is conservative: coverage by several live rules
// together, or by filters it does not understand, is not proven and so is
// reported too.
//
// The caller decides whether the bucket can lose anything at all (a bucket
// that does not exist yet cannot). secret says which desired values are
// sensitive (itemSecrets): the reason does not quote them, nor the live
// values of the same fields.
func shortensExpiration(before, want any, secret secretTest) string {
	var live []lcRule
	byID := map[string]lcRule{}
	for _, r := range rules(before) {
		lr := toLCRule(r)
		byID[lr.id] = lr
		if lr.enabled {
			live = append(live, lr)
		}
	}
	var desired []lcRule
	for _, r := range rules(want) {
		if lr := toLCRule(r); lr.enabled {
			desired = append(desired, lr)
		}
	}
	sort.SliceStable(desired, func(i, j int) bool { return desired[i].id < desired[j].id })
	var out []string
	for _, r := range desired {
		var acts []string
		for _, a := range r.actions {
			if !covered(r, a, live) {
				old, existed := byID[r.id]
				acts = append(acts, describeAction(a, old, existed, secret))
			}
		}
		if len(acts) == 0 {
			continue
		}
		var why []string
		old, existed := byID[r.id]
		switch {
		case !existed:
			why = append(why, "new rule on an existing bucket")
		case !old.enabled:
			why = append(why, "turned on (was "+old.status+")")
		}
		why = append(why, widening(old.filter, r.filter, existed, secret)...)
		out = append(out, fmt.Sprintf("lifecycle rule %q: %s", secret.shown(r.id), strings.Join(append(why, acts...), "; ")))
	}
	return strings.Join(out, "; ")
}

// lcRule is the part of a canonical lifecycle rule that decides what it
// deletes.
type lcRule struct {
	id, status string
	enabled    bool
	filter     lcFilter
	actions    []lcAction
}

// lcAction is one deleting action of a rule: what it deletes and when.
type lcAction struct {
	what  string  // objects, noncurrent versions, ...
	days  float64 // after this many days (0: see date, or immediately)
	date  string  // expiration date (objects)
	newer float64 // noncurrent versions kept regardless of age
}

// Action kinds, in the order reasons list them.
const (
	actObjects    = "objects"
	actNoncurrent = "noncurrent versions"
	actMarkers    = "expired object delete markers"
	actMultipart  = "incomplete multipart uploads"
)

// lcFilter is what a rule matches: a key prefix, required tags, object
// size bounds (0: none). unknown marks filter parts that cannot be
// compared.
type lcFilter struct {
	prefix  string
	tags    map[string]string
	gt, lt  float64
	unknown []string
}

func toLCRule(r map[string]any) lcRule {
	lr := lcRule{id: str(r["ID"]), status: str(r["Status"]), filter: toLCFilter(r)}
	lr.enabled = lr.status == "Enabled"
	if d, date := num(r["ExpirationDays"]), str(r["ExpirationDate"]); d > 0 || date != "" {
		lr.actions = append(lr.actions, lcAction{what: actObjects, days: d, date: date})
	}
	if d := num(r["NoncurrentDays"]); d > 0 {
		lr.actions = append(lr.actions, lcAction{what: actNoncurrent, days: d, newer: num(r["NewerNoncurrentVersions"])})
	}
	if r["ExpiredObjectDeleteMarker"] == true {
		lr.actions = append(lr.actions, lcAction{what: actMarkers})
	}
	if d := num(r["AbortDays"]); d > 0 {
		lr.actions = append(lr.actions, lcAction{what: actMultipart, days: d})
	}
	return lr
}

// toLCFilter reads the filter of a canonical rule: Prefix, and the other
// Filter fields kept by canonLifecycle as FilterTag, FilterAnd,
// FilterObjectSizeGreaterThan, FilterObjectSizeLessThan.
func toLCFilter(r map[string]any) lcFilter {
	f := lcFilter{prefix: str(r["Prefix"]), tags: map[string]string{}}
	addTag := func(v any) {
		if t, ok := v.(map[string]any); ok {
			f.tags[str(t["Key"])] = str(t["Value"])
		}
	}
	for k, v := range r {
		if !strings.HasPrefix(k, "Filter") || v == nil {
			continue
		}
		switch k {
		case "FilterTag":
			addTag(v)
		case "FilterObjectSizeGreaterThan":
			f.gt = num(v)
		case "FilterObjectSizeLessThan":
			f.lt = num(v)
		case "FilterAnd":
			and, _ := v.(map[string]any)
			for ak, av := range and {
				switch {
				case av == nil:
				case ak == "Prefix" && (f.prefix == "" || f.prefix == str(av)):
					f.prefix = str(av)
				case ak == "Tags":
					list, _ := av.([]any)
					for _, t := range list {
						addTag(t)
					}
				case ak == "ObjectSizeGreaterThan":
					f.gt = num(av)
				case ak == "ObjectSizeLessThan":
					f.lt = num(av)
				default:
					f.unknown = append(f.unknown, k+"."+ak)
				}
			}
		default:
			f.unknown = append(f.unknown, k)
		}
	}
	sort.Strings(f.unknown)
	return f
}

// contains reports whether filter f matches every object g matches.
func (f lcFilter) contains(g lcFilter) bool {
	if len(f.unknown) > 0 || !strings.HasPrefix(g.prefix, f.prefix) {
		return false
	}
	for k, v := range f.tags {
		if w, ok := g.tags[k]; !ok || w != v {
			return false
		}
	}
	if f.gt > g.gt {
		return false
	}
	return f.lt == 0 || (g.lt != 0 && g.lt <= f.lt)
}

// covered reports whether some enabled live rule already deletes, at
// least as soon, everything action a of rule r deletes.
func covered(r lcRule, a lcAction, live []lcRule) bool {
	for _, l := range live {
		if !l.filter.contains(r.filter) {
			continue
		}
		for _, b := range l.actions {
			if b.what == a.what && asSoon(b, a) {
				return true
			}
		}
	}
	return false
}

// asSoon reports whether live action b deletes everything new action a
// deletes, no later.
func asSoon(b, a lcAction) bool {
	switch {
	case b.date != "" || a.date != "":
		// Dates compare as ISO-8601 strings; a date never compares with
		// a number of days.
		return b.date != "" && a.date != "" && b.date <= a.date
	case b.newer > a.newer:
		return false // live keeps more noncurrent versions
	}
	return b.days <= a.days
}

// rules returns the rules of a canonical lifecycle configuration.
func rules(v any) []map[string]any {
	m, _ := v.(map[string]any)
	var out []map[string]any
	switch l := m["Rules"].(type) {
	case []any:
		for _, r := range l {
			if rm, ok := r.(map[string]any); ok {
				out = append(out, rm)
			}
		}
	}
	return out
}

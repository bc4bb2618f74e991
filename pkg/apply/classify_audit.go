package apply

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

// classifySelectors compares what two canonical event-selector
// configurations record: management events (read, write) and data events
// per resource type, value and read/write type. Anything the live
// selectors record that the new ones do not is loosen (narrower
// auditing); new coverage alone is tighten. Advanced selectors are not
// analysed: changing or dropping them is loosen.
func classifySelectors(b, w map[string]any, created bool) (string, string) {
	was, is := auditFacts(b), auditFacts(w)
	var lost, gained []string
	for f := range was {
		if !coveredFact(f, is) {
			lost = append(lost, f.String())
		}
	}
	for f := range is {
		if !coveredFact(f, was) {
			gained = append(gained, f.String())
		}
	}
	for _, src := range excludedSources(b, w) {
		switch a, c := auditsSource(b, src), auditsSource(w, src); {
		case a && !c:
			lost = append(lost, "management events from "+src)
		case !a && c:
			gained = append(gained, "management events from "+src)
		}
	}
	ab, aw := b["AdvancedEventSelectors"], w["AdvancedEventSelectors"]
	switch {
	case ab != nil && !equal(ab, aw):
		lost = append(lost, "advanced event selectors changed or removed (not compared)")
	case ab == nil && aw != nil:
		gained = append(gained, "advanced event selectors")
	}
	sort.Strings(lost)
	sort.Strings(gained)
	switch {
	case len(lost) > 0:
		return RiskLoosen, "stops auditing " + strings.Join(lost, ", ")
	case len(gained) > 0:
		return RiskTighten, "audits " + strings.Join(gained, ", ")
	case created:
		return RiskTighten, "audits data access"
	}
	return RiskNeutral, ""
}

// auditFact is one kind of event a selector records: management events
// (typ "") or data events of a resource type and value.
type auditFact struct{ typ, value, rw string }

func (f auditFact) String() string {
	if f.typ == "" {
		return strings.ToLower(f.rw) + " management events"
	}
	return fmt.Sprintf("%s data events of %s %s", strings.ToLower(f.rw), f.typ, f.value)
}

func auditFacts(m map[string]any) map[auditFact]bool {
	out := map[auditFact]bool{}
	for _, s := range selectorList(m) {
		var rws []string
		switch str(s["ReadWriteType"]) {
		case "ReadOnly":
			rws = []string{"Read"}
		case "WriteOnly":
			rws = []string{"Write"}
		default: // All (the default)
			rws = []string{"Read", "Write"}
		}
		for _, rw := range rws {
			if s["IncludeManagementEvents"] == true {
				out[auditFact{rw: rw}] = true
			}
			list, _ := s["DataResources"].([]any)
			for _, d := range list {
				dm, _ := d.(map[string]any)
				for _, v := range stringsOf(dm["Values"]) {
					out[auditFact{typ: str(dm["Type"]), value: v, rw: rw}] = true
				}
			}
		}
	}
	return out
}

// coveredFact reports whether set records every event f records: the
// same fact, or for S3 objects an ARN prefix of its value.
func coveredFact(f auditFact, set map[auditFact]bool) bool {
	if set[f] {
		return true
	}
	if f.typ != "AWS::S3::Object" {
		return false
	}
	for g := range set {
		if g.typ == f.typ && g.rw == f.rw && strings.HasPrefix(f.value, g.value) {
			return true
		}
	}
	return false
}

// excludedSources lists the management event sources either side
// excludes, sorted.
func excludedSources(b, w map[string]any) []string {
	set := map[string]bool{}
	for _, m := range []map[string]any{b, w} {
		for _, s := range selectorList(m) {
			for _, src := range stringsOf(s["ExcludeManagementEventSources"]) {
				set[src] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// auditsSource reports whether some selector records management events
// from src.
func auditsSource(m map[string]any, src string) bool {
	for _, s := range selectorList(m) {
		if s["IncludeManagementEvents"] == true && !slices.Contains(stringsOf(s["ExcludeManagementEventSources"]), src) {
			return true
		}
	}
	return false
}

func selectorList(m map[string]any) []map[string]any {
	list, _ := m["EventSelectors"].([]any)
	var out []map[string]any
	for _, s := range list {
		if sm, ok := s.(map[string]any); ok {
			out = append(out, sm)
		}
	}
	return out
}

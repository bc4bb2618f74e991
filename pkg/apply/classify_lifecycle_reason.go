package apply

// Wording of the reasons shortensExpiration reports: what a new lifecycle
// action deletes and when, and how a rule's filter widened.

import (
	"fmt"
	"sort"
	"strings"
)

// describeAction says what a new action deletes, compared with the live
// rule of the same ID (old; existed is false for a new rule).
func describeAction(a lcAction, old lcRule, existed bool) string {
	var prev *lcAction
	for i := range old.actions {
		if old.actions[i].what == a.what {
			prev = &old.actions[i]
		}
	}
	verb := "deletes"
	if existed && prev == nil {
		verb = "starts deleting"
	}
	s := strings.TrimSpace(verb + " " + a.what + " " + when(a))
	if prev != nil && when(*prev) != when(a) {
		s += " instead of " + when(*prev)
	}
	return s
}

// when says when an action deletes ("" for expired delete markers, which
// go as soon as they are expired).
func when(a lcAction) string {
	var s string
	switch {
	case a.date != "":
		s = "on " + a.date
	case a.what == actMarkers:
		return ""
	case a.days == 1:
		s = "after 1 day"
	default:
		s = fmt.Sprintf("after %v days", a.days)
	}
	if a.newer > 0 {
		s += fmt.Sprintf(" beyond the %v newest", a.newer)
	}
	return s
}

// widening lists how the filter of a rule grew from old to cur (same ID).
func widening(old, cur lcFilter, existed bool) []string {
	if !existed {
		if cur.prefix == "" && len(cur.tags) == 0 && cur.gt == 0 && cur.lt == 0 && len(cur.unknown) == 0 {
			return []string{"covers every object"}
		}
		return nil
	}
	var out []string
	switch {
	case len(old.unknown) > 0:
		out = append(out, "live filter has parts teramotc cannot compare ("+strings.Join(old.unknown, ", ")+")")
	case old.prefix != "" && cur.prefix == "":
		out = append(out, fmt.Sprintf("prefix %q removed (now every key)", old.prefix))
	case !strings.HasPrefix(cur.prefix, old.prefix):
		out = append(out, fmt.Sprintf("prefix %q changed to %q", old.prefix, cur.prefix))
	}
	var gone []string
	for k, v := range old.tags {
		if w, ok := cur.tags[k]; !ok || w != v {
			gone = append(gone, k+"="+v)
		}
	}
	sort.Strings(gone)
	if len(gone) > 0 {
		out = append(out, "tag filter "+strings.Join(gone, ", ")+" removed")
	}
	if cur.gt < old.gt {
		out = append(out, fmt.Sprintf("minimum object size lowered from %v to %v bytes", old.gt, cur.gt))
	}
	if old.lt != 0 && (cur.lt == 0 || cur.lt > old.lt) {
		out = append(out, fmt.Sprintf("maximum object size raised from %v to %s", old.lt, bound(cur.lt)))
	}
	return out
}

func bound(lt float64) string {
	if lt == 0 {
		return "none"
	}
	return fmt.Sprintf("%v bytes", lt)
}

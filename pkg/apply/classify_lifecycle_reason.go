package apply

// Wording of the reasons shortensExpiration reports: what a new lifecycle
// action deletes and when, and how a rule's filter widened.
//
// A reason is printed wherever the plan is (text, JSON, Markdown, plan
// files, apply's refusal), and masking it afterwards (maskText) cannot
// help: a short secret (expiration_days = var.n) is left alone inside
// longer text, and the live value of a field the spec now sets from a
// sensitive variable is no secret of the spec at all. So a value the spec
// marks sensitive is worded away here: it reads "(sensitive)", and the
// live value of the same field is not quoted; the reason says instead
// whether the new rule deletes sooner or later than the live one.

import (
	"fmt"
	"sort"
	"strings"
)

// secretTest reports whether a desired value (a string, or a number in
// decimal) is sensitive.
type secretTest func(string) bool

// noSecrets is the secretTest of a spec without sensitive values.
func noSecrets(string) bool { return false }

// itemSecrets says which desired values of it are sensitive, as the
// printed plan masks them (masker.holds): a value that is, or holds, one
// of the spec's sensitive strings, or every value of a sensitive item
// that came without its list of secrets.
func itemSecrets(it *Item) secretTest {
	if it.Sensitive && len(it.secrets) == 0 {
		return func(string) bool { return true }
	}
	m := &masker{secrets: it.secrets}
	return func(s string) bool { return s == Redacted || m.holds(s) }
}

// shown returns v, or "(sensitive)" when it is sensitive.
func (t secretTest) shown(v string) string {
	if t(v) {
		return Redacted
	}
	return v
}

// numText writes a number of a lifecycle rule in decimal, as
// spec.SensitiveStrings lists a sensitive one.
func numText(f float64) string { return leafText(f) }

// describeAction says what a new action deletes, compared with the live
// rule of the same ID (old; existed is false for a new rule). When when a
// deletes is sensitive, the live schedule is not quoted either: the reason
// says whether a deletes sooner or later than it.
func describeAction(a lcAction, old lcRule, existed bool, secret secretTest) string {
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
	s := strings.TrimSpace(verb + " " + a.what + " " + when(a, secret))
	if prev == nil || when(*prev, noSecrets) == when(a, noSecrets) {
		return s
	}
	switch {
	case when(a, secret) == when(a, noSecrets):
		return s + " instead of " + when(*prev, noSecrets)
	case asSoon(*prev, a):
		return s + ", later than the live rule"
	}
	return s + ", sooner than the live rule"
}

// when says when an action deletes ("" for expired delete markers, which
// go as soon as they are expired), with its sensitive values masked.
func when(a lcAction, secret secretTest) string {
	var s string
	switch days := numText(a.days); {
	case a.date != "":
		s = "on " + secret.shown(a.date)
	case a.what == actMarkers:
		return ""
	case a.days == 1 && !secret(days):
		s = "after 1 day"
	default:
		s = "after " + secret.shown(days) + " days"
	}
	if a.newer > 0 {
		s += " beyond the " + secret.shown(numText(a.newer)) + " newest"
	}
	return s
}

// widening lists how the filter of a rule grew from old to cur (same ID).
// A live value is quoted only when the desired value of the same field is
// not sensitive.
func widening(old, cur lcFilter, existed bool, secret secretTest) []string {
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
	case strings.HasPrefix(cur.prefix, old.prefix):
	case secret(cur.prefix):
		out = append(out, "prefix changed to "+Redacted+", outside the live rule's prefix")
	default:
		out = append(out, fmt.Sprintf("prefix %q changed to %q", old.prefix, cur.prefix))
	}
	out = append(out, tagWidening(old.tags, cur.tags, secret)...)
	if cur.gt < old.gt {
		if secret(numText(cur.gt)) {
			out = append(out, "minimum object size lowered to "+Redacted)
		} else {
			out = append(out, fmt.Sprintf("minimum object size lowered from %s to %s bytes", numText(old.gt), numText(cur.gt)))
		}
	}
	if old.lt != 0 && (cur.lt == 0 || cur.lt > old.lt) {
		if cur.lt != 0 && secret(numText(cur.lt)) {
			out = append(out, "maximum object size raised to "+Redacted)
		} else {
			out = append(out, fmt.Sprintf("maximum object size raised from %s to %s", numText(old.lt), bound(cur.lt)))
		}
	}
	return out
}

// tagWidening lists the live tag filter entries cur no longer requires.
// When a desired tag key or value is sensitive, no entry is quoted: a live
// one could be the old value of a sensitive tag.
func tagWidening(old, cur map[string]string, secret secretTest) []string {
	var gone []string
	for k, v := range old {
		if w, ok := cur[k]; !ok || w != v {
			gone = append(gone, k+"="+v)
		}
	}
	if len(gone) == 0 {
		return nil
	}
	for k, v := range cur {
		if secret(k) || secret(v) {
			return []string{"tag filter changed (" + Redacted + "), no longer requiring every live tag"}
		}
	}
	sort.Strings(gone)
	return []string{"tag filter " + strings.Join(gone, ", ") + " removed"}
}

func bound(lt float64) string {
	if lt == 0 {
		return "none"
	}
	return numText(lt) + " bytes"
}

package spec

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// transitionsFrom lists, for each storage class, the classes a lifecycle
// rule may move objects to next (the S3 transition waterfall).
var transitionsFrom = map[string][]string{
	"STANDARD_IA":         {"INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"},
	"INTELLIGENT_TIERING": {"ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"},
	"ONEZONE_IA":          {"GLACIER", "DEEP_ARCHIVE"},
	"GLACIER_IR":          {"GLACIER", "DEEP_ARCHIVE"},
	"GLACIER":             {"DEEP_ARCHIVE"},
	"DEEP_ARCHIVE":        {},
}

func isIA(class string) bool { return class == "STANDARD_IA" || class == "ONEZONE_IA" }

// checkLifecycle enforces TMC306 (rule ids and count) and TMC302
// (transition validity) on a bucket's lifecycle rules.
func (l *loader) checkLifecycle(b *Bucket) {
	if len(b.LifecycleRules) > 1000 {
		l.ruleError("TMC306", b.LifecycleRules[1000].DeclRange, "Too many lifecycle rules",
			"A bucket has at most 1000 lifecycle rules; this one has %d.", len(b.LifecycleRules))
	}
	ids := map[string]*LifecycleRule{}
	for _, r := range b.LifecycleRules {
		switch {
		case r.ID == "" || utf8.RuneCountInString(r.ID) > 255:
			l.ruleError("TMC306", r.DeclRange, "Invalid lifecycle rule ID",
				"A lifecycle rule ID (the block label) has 1 to 255 characters; this one has %d.", utf8.RuneCountInString(r.ID))
		case ids[r.ID] != nil:
			l.ruleError("TMC306", r.DeclRange, "Duplicate lifecycle rule ID",
				"%s already has a lifecycle rule %q (at %s); rule IDs must be unique in a bucket.",
				b.Address, r.ID, ids[r.ID].DeclRange)
		}
		if i := strings.IndexFunc(r.ID, func(c rune) bool { return !unicode.IsPrint(c) }); i >= 0 {
			l.errorf(r.DeclRange.Ptr(), "Invalid lifecycle rule ID",
				"A lifecycle rule ID (the block label) holds only printable characters; this one has %U at character %d. Remove control, format and line-separator characters from the label.",
				[]rune(r.ID[i:])[0], utf8.RuneCountInString(r.ID[:i])+1)
		}
		ids[r.ID] = r
		l.checkRule(r)
	}
}

// lifecycleActions are the attributes of a lifecycle rule that are
// actions (besides transition blocks).
var lifecycleActions = []string{"expiration_days", "noncurrent_expiration_days", "abort_incomplete_upload_days"}

func (l *loader) checkRule(r *LifecycleRule) {
	if len(r.Transitions) == 0 && !r.ExpirationDays.Set && !r.NoncurrentExpirationDays.Set && !r.AbortIncompleteUploadDays.Set &&
		!l.unsettled[r.DeclRange] && !l.anyFailed(r.DeclRange, lifecycleActions...) {
		l.errorf(r.DeclRange.Ptr(), "Empty lifecycle rule",
			"The lifecycle rule %q has no action: add a transition block, expiration_days, "+
				"noncurrent_expiration_days or abort_incomplete_upload_days.", r.ID)
	}
	for _, d := range []struct {
		a    Attr[int]
		name string
	}{{r.ExpirationDays, "expiration_days"}, {r.NoncurrentExpirationDays, "noncurrent_expiration_days"}, {r.AbortIncompleteUploadDays, "abort_incomplete_upload_days"}} {
		if d.a.Set && d.a.Value < 1 {
			l.ruleError("TMC302", d.a.Range, "Invalid "+d.name,
				"%s must be a positive number of days; S3 rejects %s.", d.name, showInt(d.a))
		}
	}
	var prev *Transition
	lastIA := Attr[int]{Value: -1} // the days of the last infrequent-access transition
	for _, t := range r.Transitions {
		class, days := t.StorageClass.Value, t.Days.Value
		if _, known := transitionsFrom[class]; !known || !t.Days.Set {
			prev = nil
			continue
		}
		switch {
		case days < 0:
			l.ruleError("TMC302", t.Days.Range, "Invalid transition days",
				"Transition days may not be negative.")
		case isIA(class) && days < 30:
			l.ruleError("TMC302", t.Days.Range, "Transition too early",
				"S3 moves objects to %s only after at least 30 days; this transition says %s.", shownPlain(t.StorageClass), showInt(t.Days))
		}
		if prev != nil {
			p := prev.StorageClass.Value
			switch {
			case days <= prev.Days.Value:
				l.ruleError("TMC302", t.Days.Range, "Transitions out of order",
					"Each transition of a rule must come later than the one before: %s at %s days follows %s at %s days.",
					shownPlain(t.StorageClass), showInt(t.Days), shownPlain(prev.StorageClass), showInt(prev.Days))
				if isIA(class) {
					lastIA = t.Days // later transitions count from it, as in lib/lifecycle.rego
				}
				prev = t
				continue
			case !contains(transitionsFrom[p], class):
				next := "" // the classes after a sensitive one would tell which it is
				if !prev.StorageClass.Sensitive {
					next = fmt.Sprintf(" Supported next classes after %s: %s.", p, orNone(transitionsFrom[p]))
				}
				l.ruleError("TMC302", t.StorageClass.Range, "Unsupported transition",
					"S3 cannot move objects from %s to %s.%s", shownPlain(prev.StorageClass), shownPlain(t.StorageClass), next)
			}
		}
		if lastIA.Value >= 0 && (class == "GLACIER" || class == "DEEP_ARCHIVE" || class == "ONEZONE_IA") && days-lastIA.Value < 30 {
			l.ruleError("TMC302", t.Days.Range, "Transition too soon after IA",
				"A rule moves objects to %s only 30 days or more after its infrequent-access transition "+
					"(day %s); this one is at day %s.", shownPlain(t.StorageClass), showInt(lastIA), showInt(t.Days))
		}
		if isIA(class) {
			lastIA = t.Days
		}
		prev = t
	}
	if n := len(r.Transitions); n > 0 && r.ExpirationDays.Set {
		last := r.Transitions[n-1]
		if last.Days.Set && r.ExpirationDays.Value <= last.Days.Value {
			l.ruleError("TMC302", r.ExpirationDays.Range, "Expiration before last transition",
				"expiration_days (%s) must come after the last transition (%s at %s days).",
				showInt(r.ExpirationDays), shownPlain(last.StorageClass), showInt(last.Days))
		}
	}
}

func orNone(list []string) string {
	if len(list) == 0 {
		return "none"
	}
	return quoteList(list)
}

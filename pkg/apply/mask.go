package apply

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// shortSecret is the length under which a sensitive value is masked only
// where it is a whole value: shorter ones occur inside other strings by
// chance. A sensitive change that still holds one inside a longer string is
// hidden whole.
const shortSecret = 4

// maskChange returns the Before and After of c with every value that holds
// a sensitive string replaced by "(sensitive)". A live value sits at the
// same place (the same object keys) as a masked desired value is masked
// too, unless it equals a desired value there that is not sensitive: it is
// the live counterpart of the secret (the external id before a change).
// When masking value by value cannot guarantee that no secret is left (a
// secret in an object key, or a short secret inside a longer string of a
// sensitive change), the whole value is hidden.
//
// hidden reports an update whose masked values changed (the external id
// alone), which the masked before and after cannot show.
func maskChange(c *Change) (before, after any, hidden bool) {
	if c.Sensitive && c.secrets == nil {
		return hideWhole(c.Before), hideWhole(c.After), c.Before != nil // no list of secrets: nothing can be shown
	}
	m := newMasker(c.secrets)
	after = m.walk(generic(c.After), "", true)
	before = m.walk(generic(c.Before), "", false)
	if m.whole || m.leaks(before, c.Sensitive) || m.leaks(after, c.Sensitive) {
		return hideWhole(c.Before), hideWhole(c.After), c.Before != nil
	}
	return before, after, c.Before != nil && m.maskedDiffer()
}

// maskedDiffer reports whether the live and desired values differ at a
// place where a value is masked: a change the masked forms cannot show.
func (m *masker) maskedDiffer() bool {
	for path := range m.masked {
		d, l := slices.Sorted(slices.Values(m.desiredAt[path])), slices.Sorted(slices.Values(m.liveAt[path]))
		if !slices.Equal(d, l) {
			return true
		}
	}
	return differ(m.condDesired, m.condLive)
}

// differ reports whether two maps of values by path hold other values.
func differ(a, b map[string][]string) bool {
	for _, m := range []map[string][]string{a, b} {
		for path := range m {
			if !slices.Equal(slices.Sorted(slices.Values(a[path])), slices.Sorted(slices.Values(b[path]))) {
				return true
			}
		}
	}
	return false
}

func hideWhole(v any) any {
	if v == nil {
		return nil
	}
	return Redacted
}

type masker struct {
	secrets []string
	masked  map[string]bool     // paths of masked desired values
	plain   map[string][]string // desired values shown, by path
	whole   bool                // an object key holds a secret
	// desiredAt and liveAt are the values of each side, unmasked, by path.
	desiredAt, liveAt map[string][]string
	// condDesired and condLive are the values under a secret condition
	// key (sts:ExternalId), masked on both sides whatever the operator,
	// by path without the operator (secretCondition).
	condDesired, condLive map[string][]string
}

func newMasker(secrets []string) *masker {
	return &masker{secrets: secrets, masked: map[string]bool{}, plain: map[string][]string{},
		desiredAt: map[string][]string{}, liveAt: map[string][]string{},
		condDesired: map[string][]string{}, condLive: map[string][]string{}}
}

// walk masks v. path is the object keys down to v; list indexes are left
// out, so that the values of a list (statements, condition values) share
// one place.
func (m *masker) walk(v any, path string, desired bool) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			if m.holds(k) {
				m.whole = true
			}
			out[k] = m.walk(e, path+"\x00"+k, desired)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = m.walk(e, path, desired)
		}
		return out
	case string, float64, bool:
		text := leafText(x)
		if where, ok := secretCondition(path, text); ok {
			if m.condDesired == nil { // a masker made without newMasker
				m.condDesired, m.condLive = map[string][]string{}, map[string][]string{}
			}
			if desired {
				m.condDesired[where] = append(m.condDesired[where], text)
			} else {
				m.condLive[where] = append(m.condLive[where], text)
			}
			return Redacted
		}
		if desired {
			m.desiredAt[path] = append(m.desiredAt[path], text)
		} else {
			m.liveAt[path] = append(m.liveAt[path], text)
		}
		switch {
		case desired && (m.holds(text) || text == Redacted):
			m.masked[path] = true
			return Redacted
		case desired:
			m.plain[path] = append(m.plain[path], text)
		case m.holds(text), m.masked[path] && !slices.Contains(m.plain[path], text):
			return Redacted
		}
	}
	return v
}

func leafText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return ""
}

// holds reports whether s is, or contains, a secret (short secrets only
// when they are the whole of s).
func (m *masker) holds(s string) bool {
	for _, sec := range m.secrets {
		if s == sec || (len(sec) >= shortSecret && strings.Contains(s, sec)) {
			return true
		}
	}
	return false
}

// leaks reports whether the masked v still holds a secret: any secret in a
// sensitive change, a long one elsewhere.
func (m *masker) leaks(v any, sensitive bool) bool {
	if v == nil {
		return false
	}
	b, _ := json.Marshal(v)
	text := string(b)
	for _, sec := range m.secrets {
		if (sensitive || len(sec) >= shortSecret) && strings.Contains(text, sec) {
			return true
		}
		if q, _ := json.Marshal(sec); strings.Contains(text, strings.Trim(string(q), `"`)) && (sensitive || len(sec) >= shortSecret) {
			return true
		}
	}
	return false
}

// maskText replaces every long secret inside s (and s itself when it is a
// secret) by "(sensitive)", the longest first, so that a secret holding
// another ("u-${var.s}" and var.s) is masked whole. A secret is also found
// in the escaped forms %q and JSON give it (a quote or backslash in it
// printed as \" or \\). A short secret inside longer text is left alone
// (it occurs there by chance): text that may quote one must be worded
// without it, as lifecycle reasons are.
func maskText(s string, secrets []string) string {
	var forms []string
	for _, sec := range secrets {
		forms = append(forms, sec)
		if len(sec) < shortSecret {
			continue
		}
		if q := strconv.Quote(sec); q[1:len(q)-1] != sec {
			forms = append(forms, q[1:len(q)-1])
		}
		if j, err := json.Marshal(sec); err == nil && string(j[1:len(j)-1]) != sec {
			forms = append(forms, string(j[1:len(j)-1]))
		}
	}
	slices.SortStableFunc(forms, func(a, b string) int { return len(b) - len(a) })
	for _, sec := range forms {
		if s == sec {
			return Redacted
		}
		if len(sec) >= shortSecret {
			s = strings.ReplaceAll(s, sec, Redacted)
		}
	}
	return s
}

package apply

// Action spellings: canonical policies compare actions in lower case, and
// plans print them back as the user wrote them.

import (
	"strings"
	"sync"
)

// spellingMemo remembers, for names compared in lower case (actions,
// condition keys), the first spelling with capitals seen (lower-case form
// -> spelling), so plans can print "s3:GetObject" while comparisons stay
// case-insensitive.
type spellingMemo struct{ m sync.Map }

// lower returns name in lower case and remembers how it was written.
func (s *spellingMemo) lower(name string) string {
	l := strings.ToLower(name)
	if l != name {
		s.m.LoadOrStore(l, name)
	}
	return l
}

// spelling returns the remembered spelling of lower-case name l.
func (s *spellingMemo) spelling(l string) (string, bool) {
	v, ok := s.m.Load(l)
	if !ok {
		return "", false
	}
	return v.(string), true
}

// actionSpellings holds the spellings of actions, keySpellings those of
// condition keys outside the tables of display_condition.go.
var actionSpellings, keySpellings spellingMemo

func lowerAction(a string) string { return actionSpellings.lower(a) }

// prettyActions returns a copy of a canonical document (or a map holding
// canonical policies) with actions in their written spelling.
func prettyActions(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			if k == "Action" || k == "NotAction" {
				out[k] = spellList(e)
				continue
			}
			out[k] = prettyActions(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = prettyActions(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = prettyActions(e)
		}
		return out
	}
	return v
}

func spellList(v any) any {
	var list []string
	switch x := v.(type) {
	case []string:
		list = x
	case []any:
		for _, e := range x {
			list = append(list, scalarString(e))
		}
	default:
		return v
	}
	out := make([]any, len(list))
	for i, a := range list {
		if s, ok := actionSpellings.spelling(a); ok {
			out[i] = s
		} else {
			out[i] = a
		}
	}
	return out
}

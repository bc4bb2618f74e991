package apply

// Action spellings: canonical policies compare actions in lower case, and
// plans print them back as the user wrote them.

import (
	"strings"
	"sync"
)

// spellings remembers how each action was written (lower-case form ->
// first spelling with capitals seen), so plans can print "s3:GetObject"
// while comparisons stay case-insensitive.
var spellings sync.Map

func lowerAction(a string) string {
	l := strings.ToLower(a)
	if l != a {
		spellings.LoadOrStore(l, a)
	}
	return l
}

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
		if s, ok := spellings.Load(a); ok {
			out[i] = s
		} else {
			out[i] = a
		}
	}
	return out
}

package apply

import "maps"

// stringsOf returns the strings of a list held as []string (a canonical
// state built in memory) or as []any (the same state after a JSON round
// trip); other elements, and values that are not lists, give none. A
// canonical list holds strings only (stringSet makes it), so it loses
// nothing (TestCanonicalListsHoldStrings).
func stringsOf(v any) []string {
	switch x := v.(type) {
	case []string:
		return x
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// withoutKeys returns a copy of m (never nil) without keys.
func withoutKeys(m map[string]any, keys ...string) map[string]any {
	out := make(map[string]any, len(m))
	maps.Copy(out, m)
	for _, k := range keys {
		delete(out, k)
	}
	return out
}

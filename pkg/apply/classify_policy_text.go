package apply

import (
	"strings"

	"github.com/teramot/teramotc/pkg/spec"
)

// Reasons name what a policy change adds or removes in the spelling the
// plan's diff prints, not in the canonical lower case the differ compares:
// "+s3:PutObject", and a statement without Sid quoted with its actions
// and condition keys spelled (sts:AssumeRole, sts:ExternalId) and the
// values of secret condition keys masked, desired or live, whatever their
// operator (maskConditions).

// actionSpelling returns how canonical action a is printed: as a policy
// of this run wrote it (policy_spelling.go), else as the shipped action
// data spells it (pkg/spec), else as it is. A wildcard pattern keeps its
// case when no policy wrote it with capitals.
func actionSpelling(a string) string {
	if s, ok := actionSpellings.spelling(a); ok {
		return s
	}
	if !strings.ContainsAny(a, "*?") {
		if m, _ := spec.MatchActions(a); len(m) == 1 {
			return m[0]
		}
	}
	return a
}

// quoteStatement is the JSON a reason quotes for a statement without Sid.
func quoteStatement(s map[string]any) string {
	masked, ok := maskConditions(s).(map[string]any)
	if !ok {
		return mustJSON(maskConditions(s))
	}
	for _, k := range []string{"Action", "NotAction"} {
		if list, ok := masked[k].([]any); ok {
			spelled := make([]any, len(list))
			for i, a := range list {
				if t, ok := a.(string); ok {
					spelled[i] = actionSpelling(t)
				} else {
					spelled[i] = a
				}
			}
			masked[k] = spelled
		}
	}
	doc, _ := Display(TBucketPolicy, map[string]any{"Statement": []any{masked}}).(map[string]any)
	if list, _ := doc["Statement"].([]any); len(list) == 1 {
		return mustJSON(list[0])
	}
	return mustJSON(masked)
}

package view

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"

	"github.com/teramot/teramotc/pkg/apply"
)

// How the attribute lines of a change are laid out: the order of the
// attributes, their names, aligned = signs, and values.

// keyOrder puts the attributes a reviewer reads first (what an element
// is, then what a statement allows) before the others, which follow in
// alphabetical order.
var keyOrder = map[string]int{"Sid": 1, "ID": 2, "Key": 3, "Value": 4, "Version": 5, "Effect": 6, "Status": 7,
	"Principal": 8, "NotPrincipal": 9, "Action": 10, "NotAction": 11, "Resource": 12, "NotResource": 13, "Condition": 14, "Filter": 15}

func orderedKeys(ms ...map[string]any) []string {
	keys := sortedKeys(ms...)
	sort.SliceStable(keys, func(i, j int) bool {
		oi, oj := keyOrder[keys[i]], keyOrder[keys[j]]
		if oi == 0 || oj == 0 {
			return oi != 0 && oj == 0
		}
		return oi < oj
	})
	return keys
}

func sortedKeys(ms ...map[string]any) []string {
	set := map[string]bool{}
	for _, m := range ms {
		for k := range m {
			set[k] = true
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

var bareKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// keyText is an attribute name as printed: bare when it is an
// identifier, quoted otherwise (condition keys such as "aws:SourceArn").
func keyText(k string) string {
	if bareKey.MatchString(k) {
		return k
	}
	return jsonText(k)
}

// keyWidth is the width the attribute names of keys are padded to, so
// that their = signs line up (statement lists print no name).
func keyWidth(keys []string, ms ...map[string]any) int {
	w := 0
	for _, k := range keys {
		if k == "Statement" && anyStatements(ms, k) {
			continue
		}
		w = max(w, len(keyText(k)))
	}
	return w
}

func anyStatements(ms []map[string]any, k string) bool {
	for _, m := range ms {
		if _, ok := statements(m, k); ok {
			return true
		}
	}
	return false
}

func pad(k string, w int) string {
	t := keyText(k)
	return t + strings.Repeat(" ", max(0, w-len(t)))
}

// maxInline is the longest list of scalars printed on one line.
const maxInline = 60

// inlineList is a short list of scalars on one line: ["s3:GetObject"].
func inlineList(l []any) (string, bool) {
	parts := make([]string, len(l))
	n := 0
	for i, e := range l {
		if !isScalar(e) {
			return "", false
		}
		parts[i] = scalar(e)
		n += len(parts[i]) + 2
	}
	if n > maxInline {
		return "", false
	}
	return "[" + strings.Join(parts, ", ") + "]", true
}

func isScalar(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return false
	}
	return true
}

func scalar(v any) string {
	if s, ok := v.(string); ok && s == apply.Redacted {
		return sensitiveValue
	}
	return jsonText(v)
}

func same(a, b any) bool { return jsonText(a) == jsonText(b) }

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

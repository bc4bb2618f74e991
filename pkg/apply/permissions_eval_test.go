package apply

import (
	"fmt"
	"strings"
)

// Evaluation of the Allow statements of an identity policy, as IAM does it
// for the statements permissions writes: Action and Resource are matched
// case-insensitively (actions) and case-sensitively (ARNs) with the IAM
// wildcards * (any run of characters, "/" included) and ? (one
// character); a Condition holds ArnEquals/ArnLike iam:PolicyARN.

// callNeed is one action a recorded call needs, on one resource.
type callNeed struct {
	action    string
	resource  string // ARN, or "*" for an action without resource types
	policyARN string // the managed policy the call names (iam:PolicyARN)
}

// policyStatements returns the statements of doc as generic maps.
func policyStatements(doc map[string]any) []map[string]any {
	list, _ := doc["Statement"].([]any)
	out := make([]map[string]any, 0, len(list))
	for _, s := range list {
		if m, ok := s.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// strs reads a policy field that is a string or a list of strings.
func strs(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, _ := e.(string)
			out = append(out, s)
		}
		return out
	case []string:
		return x
	}
	return nil
}

// allowedBy returns the Sid of the first statement of doc that allows n,
// or "" when none does.
func allowedBy(doc map[string]any, n callNeed) string {
	for _, s := range policyStatements(doc) {
		if s["Effect"] != "Allow" || !anyGlob(strs(s["Action"]), n.action, true) || !anyGlob(strs(s["Resource"]), n.resource, false) {
			continue
		}
		if conditionHolds(s["Condition"], n) {
			return fmt.Sprint(s["Sid"])
		}
	}
	return ""
}

// conditionHolds evaluates the conditions permissions writes; any other
// operator or key fails closed.
func conditionHolds(cond any, n callNeed) bool {
	c, _ := cond.(map[string]any)
	for op, kv := range c {
		m, _ := kv.(map[string]any)
		for key, want := range m {
			if (op != "ArnEquals" && op != "ArnLike") || key != "iam:PolicyARN" || n.policyARN == "" {
				return false
			}
			if !anyGlob(strs(want), n.policyARN, false) {
				return false
			}
		}
	}
	return true
}

func anyGlob(patterns []string, s string, fold bool) bool {
	for _, p := range patterns {
		if fold {
			p, s = strings.ToLower(p), strings.ToLower(s)
		}
		if glob(p, s) {
			return true
		}
	}
	return false
}

// glob matches s against an IAM pattern (* and ?).
func glob(p, s string) bool {
	if p == "" {
		return s == ""
	}
	switch p[0] {
	case '*':
		for i := 0; i <= len(s); i++ {
			if glob(p[1:], s[i:]) {
				return true
			}
		}
		return false
	case '?':
		return s != "" && glob(p[1:], s[1:])
	}
	return s != "" && s[0] == p[0] && glob(p[1:], s[1:])
}

// policyPairs lists every action and resource (and iam:PolicyARN value)
// the Allow statements of doc name, with the Sid naming them.
func policyPairs(doc map[string]any) map[callNeed]string {
	out := map[callNeed]string{}
	for _, s := range policyStatements(doc) {
		var pol string
		if c, ok := s["Condition"].(map[string]any); ok {
			if m, ok := c["ArnEquals"].(map[string]any); ok {
				pol = strings.Join(strs(m["iam:PolicyARN"]), ",")
			}
		}
		for _, a := range strs(s["Action"]) {
			for _, r := range strs(s["Resource"]) {
				out[callNeed{action: a, resource: r, policyARN: pol}] = fmt.Sprint(s["Sid"])
			}
		}
	}
	return out
}

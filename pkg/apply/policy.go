package apply

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Policy equivalence. Two policy documents are equal when their canonical
// forms are equal. The canonical form:
//
//   - Version defaults to "2008-10-17" when missing (AWS's legacy default);
//     Id is kept as is.
//   - Statement may be one object or an array; statements are a set (order
//     and exact duplicates do not matter).
//   - Sid is significant: renaming a statement is a real document change (a
//     neutral one). It is kept so that plans diff statement by statement.
//   - Effect is case-insensitive.
//   - Action/NotAction: a string equals a one-element list; order and
//     duplicates are ignored; IAM actions are case-insensitive.
//   - Resource/NotResource: a string equals a one-element list; order and
//     duplicates ignored (ARNs are case-sensitive and stay so).
//   - Principal/NotPrincipal: "*" equals {"AWS":"*"} and {"AWS":["*"]}; a
//     12-digit account id equals arn:PARTITION:iam::ID:root; values are sets.
//   - Condition: operator -> key -> set of values; key names are
//     case-insensitive; booleans and numbers equal their string form.
type canonPolicy struct {
	Version   string           `json:"Version"`
	ID        string           `json:"Id,omitempty"`
	Statement []map[string]any `json:"Statement"`
}

var accountID = regexp.MustCompile(`^[0-9]{12}$`)

// ParsePolicy parses a policy document given as JSON text, possibly
// URL-encoded (IAM returns documents URL-encoded).
func ParsePolicy(text string) (any, error) {
	t := strings.TrimSpace(text)
	if strings.HasPrefix(t, "%7B") || strings.HasPrefix(t, "%7b") {
		dec, err := url.QueryUnescape(t)
		if err != nil {
			return nil, fmt.Errorf("URL-decode policy: %w", err)
		}
		t = dec
	}
	var v any
	if err := json.Unmarshal([]byte(t), &v); err != nil {
		return nil, fmt.Errorf("parse policy JSON: %w", err)
	}
	return v, nil
}

// CanonicalPolicy returns the canonical form of a policy document given as
// generic JSON; partition expands bare account ids in principals.
func CanonicalPolicy(doc any, partition string) (any, error) {
	if partition == "" {
		partition = "aws"
	}
	m, ok := doc.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("policy is not a JSON object")
	}
	cp := canonPolicy{Version: "2008-10-17", Statement: []map[string]any{}}
	if v, ok := m["Version"].(string); ok {
		cp.Version = v
	}
	if v, ok := m["Id"].(string); ok {
		cp.ID = v
	}
	var stmts []any
	switch s := m["Statement"].(type) {
	case []any:
		stmts = s
	case map[string]any:
		stmts = []any{s}
	case nil:
	default:
		return nil, fmt.Errorf("Statement must be an object or an array")
	}
	seen := map[string]bool{}
	for _, raw := range stmts {
		st, ok := raw.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("a statement is not a JSON object")
		}
		c := canonStatement(st, partition)
		key := mustJSON(c)
		if seen[key] {
			continue
		}
		seen[key] = true
		cp.Statement = append(cp.Statement, c)
	}
	sort.Slice(cp.Statement, func(i, j int) bool {
		return mustJSON(cp.Statement[i]) < mustJSON(cp.Statement[j])
	})
	var out any
	if err := json.Unmarshal([]byte(mustJSON(cp)), &out); err != nil {
		return nil, err
	}
	return out, nil
}

func canonStatement(st map[string]any, partition string) map[string]any {
	c := map[string]any{}
	for k, v := range st {
		switch k {
		case "Sid":
			if s, _ := v.(string); s != "" {
				c[k] = s
			}
		case "Effect":
			s, _ := v.(string)
			if strings.EqualFold(s, "deny") {
				c[k] = "Deny"
			} else {
				c[k] = "Allow"
			}
		case "Action", "NotAction":
			c[k] = stringSet(v, lowerAction)
		case "Resource", "NotResource":
			c[k] = stringSet(v, nil)
		case "Principal", "NotPrincipal":
			c[k] = canonPrincipal(v, partition)
		case "Condition":
			if cond := canonCondition(v); len(cond) > 0 {
				c[k] = cond
			}
		default:
			c[k] = v
		}
	}
	return c
}

func canonPrincipal(v any, partition string) map[string][]string {
	out := map[string][]string{}
	switch p := v.(type) {
	case string: // "*", or the same as {"AWS": p}
		if accountID.MatchString(p) {
			p = "arn:" + partition + ":iam::" + p + ":root"
		}
		out["AWS"] = []string{p}
	case map[string]any:
		for typ, ids := range p {
			out[typ] = stringSet(ids, func(s string) string {
				if typ == "AWS" && accountID.MatchString(s) {
					return "arn:" + partition + ":iam::" + s + ":root"
				}
				return s
			})
		}
	}
	return out
}

func canonCondition(v any) map[string]map[string][]string {
	out := map[string]map[string][]string{}
	ops, _ := v.(map[string]any)
	for op, raw := range ops {
		keys, _ := raw.(map[string]any)
		if len(keys) == 0 {
			continue
		}
		m := out[op]
		if m == nil {
			m = map[string][]string{}
			out[op] = m
		}
		for k, vals := range keys {
			lk := lowerConditionKey(k)
			m[lk] = mergeSorted(m[lk], stringSet(vals, nil))
		}
	}
	return out
}

// stringSet turns a string, scalar or list into a sorted, de-duplicated
// list of strings, mapped through f when given.
func stringSet(v any, f func(string) string) []string {
	var list []any
	switch x := v.(type) {
	case []any:
		list = x
	case nil:
	default:
		list = []any{x}
	}
	out := []string{}
	for _, e := range list {
		s := scalarString(e)
		if f != nil {
			s = f(s)
		}
		out = append(out, s)
	}
	return mergeSorted(nil, out)
}

func scalarString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case json.Number:
		return x.String()
	default:
		return mustJSON(x)
	}
}

func mergeSorted(a, b []string) []string {
	set := map[string]bool{}
	for _, s := range append(append([]string{}, a...), b...) {
		set[s] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("marshal %T: %v", v, err))
	}
	return string(b)
}

// PoliciesEqual reports whether two policy documents are equivalent.
func PoliciesEqual(a, b any, partition string) bool {
	ca, err1 := CanonicalPolicy(a, partition)
	cb, err2 := CanonicalPolicy(b, partition)
	if err1 != nil || err2 != nil {
		return false
	}
	return mustJSON(ca) == mustJSON(cb)
}

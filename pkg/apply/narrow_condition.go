package apply

import (
	"maps"
	"net/netip"
	"slices"
	"strings"
)

// intersectConditions returns a canonical Condition block that holds only
// when both canonical blocks a and b hold, so that a statement carrying it
// grants no more than either one. IAM ANDs operators and keys, so every
// operator/key of either side is kept; a key that both sides test with the
// same operator gets the values of combineValues. ok is false when no
// request can satisfy both (the statement grants nothing).
//
// The result is exact when the conditions are equal, when one side adds
// keys (a statement whose new conditions are stricter narrows to the new
// statement itself) and for equality and negated operators; for pattern
// and range operators it may be narrower than the true intersection, never
// wider.
func intersectConditions(a, b any) (map[string]any, bool) {
	out := map[string]any{}
	for _, c := range []any{a, b} {
		ops, _ := c.(map[string]any)
		for op, raw := range ops {
			keys, _ := raw.(map[string]any)
			if len(keys) == 0 {
				continue
			}
			m, _ := out[op].(map[string]any)
			if m == nil {
				m = map[string]any{}
				out[op] = m
			}
			for k, vals := range keys {
				prev, seen := m[k]
				if !seen {
					m[k] = anyList(stringSet(vals, nil))
					continue
				}
				v := combineValues(op, stringSet(prev, nil), stringSet(vals, nil))
				if len(v) == 0 {
					return nil, false
				}
				m[k] = anyList(v)
			}
		}
	}
	return out, true
}

// combineValues returns the values of one condition key tested by op on
// both sides, such that the single test implies both tests:
//
//   - negated operators (StringNotEquals, NotIpAddress, ...) hold when the
//     value matches none of the listed ones: the union is exactly both;
//   - the others hold when the value matches one of the listed ones: a
//     value of one side that some value of the other side covers matches
//     both. Equality is the cover relation, except for StringLike (a *
//     pattern covers what it matches) and IpAddress (a CIDR block covers
//     the blocks inside it). An empty result means nothing matches both.
//
// IfExists and the ForAllValues:/ForAnyValue: qualifiers keep these
// properties (a key missing from the request is treated alike by both
// sides), so they are handled by their base operator.
func combineValues(op string, a, b []string) []string {
	if negated(op) {
		return mergeSorted(a, b)
	}
	base := baseOperator(op)
	cover := func(p, q string) bool { return p == q }
	switch base {
	case "StringLike":
		cover = covers
	case "IpAddress":
		cover = cidrCovers
	}
	set := map[string]bool{}
	for _, x := range a {
		for _, y := range b {
			switch {
			case cover(x, y):
				set[y] = true
			case cover(y, x):
				set[x] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// cidrCovers reports whether the address block p (CIDR or single address)
// contains the whole block q.
func cidrCovers(p, q string) bool {
	pp, err1 := parseBlock(p)
	qp, err2 := parseBlock(q)
	if err1 != nil || err2 != nil {
		return p == q
	}
	return pp.Bits() <= qp.Bits() && pp.Contains(qp.Addr())
}

func parseBlock(s string) (netip.Prefix, error) {
	if !strings.Contains(s, "/") {
		a, err := netip.ParseAddr(s)
		if err != nil {
			return netip.Prefix{}, err
		}
		return netip.PrefixFrom(a, a.BitLen()), nil
	}
	p, err := netip.ParsePrefix(s)
	return p.Masked(), err
}

func anyList(list []string) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}

// baseOperator strips a condition operator's IfExists suffix and its
// ForAllValues:/ForAnyValue: qualifier: StringNotEquals for
// ForAllValues:StringNotEqualsIfExists.
func baseOperator(op string) string {
	base := strings.TrimSuffix(op, "IfExists")
	if i := strings.LastIndex(base, ":"); i >= 0 {
		base = base[i+1:]
	}
	return base
}

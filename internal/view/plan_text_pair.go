package view

import "sort"

// pair is an element of a list before and after a change; inB or inA is
// false when the element is absent on that side.
type pair struct {
	b, a     any
	inB, inA bool
}

// pairUp matches the elements of two lists. Objects carrying the first of
// idKeys that any element carries (a statement's Sid, a lifecycle rule's
// ID, a tag's Key), unique on its side, are matched by it, in its order;
// the other elements follow, aligned by content (a longest common
// subsequence), a removed object paired with the added object in its
// place so that their attributes are compared.
func pairUp(b, a []any, idKeys ...string) []pair {
	for _, k := range idKeys {
		bi, br := byID(b, k)
		ai, ar := byID(a, k)
		if len(bi) == 0 && len(ai) == 0 {
			continue
		}
		var ids []string
		for id := range bi {
			ids = append(ids, id)
		}
		for id := range ai {
			if _, ok := bi[id]; !ok {
				ids = append(ids, id)
			}
		}
		sort.Strings(ids)
		var out []pair
		for _, id := range ids {
			be, inB := bi[id]
			ae, inA := ai[id]
			out = append(out, pair{be, ae, inB, inA})
		}
		return append(out, alignPairs(br, ar)...)
	}
	return alignPairs(b, a)
}

// byID returns the objects of l with a unique, non-empty string k by that
// string, and the other elements.
func byID(l []any, k string) (map[string]any, []any) {
	count := map[string]int{}
	for _, e := range l {
		if id := idOf(e, k); id != "" {
			count[id]++
		}
	}
	ids, rest := map[string]any{}, []any{}
	for _, e := range l {
		if id := idOf(e, k); id != "" && count[id] == 1 {
			ids[id] = e
		} else {
			rest = append(rest, e)
		}
	}
	return ids, rest
}

func idOf(e any, k string) string {
	m, _ := e.(map[string]any)
	s, _ := m[k].(string)
	return s
}

// maxAlign bounds the table of the alignment (a crafted plan file may
// hold huge lists): beyond it, the lists are compared place by place.
const maxAlign = 1 << 20

// alignPairs aligns two lists by content: equal elements pair, and in each
// gap between them removed objects pair with added objects in order.
func alignPairs(b, a []any) []pair {
	bt, at := texts(b), texts(a)
	n, m := len(b), len(a)
	if (n+1)*(m+1) > maxAlign {
		return gapPairs(b, a)
	}
	// l[i][j] is the length of the longest common subsequence of
	// b[i:] and a[j:].
	l := make([][]int, n+1)
	for i := range l {
		l[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if bt[i] == at[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	var out []pair
	var gb, ga []any
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && bt[i] == at[j]:
			out = append(out, gapPairs(gb, ga)...)
			gb, ga = nil, nil
			out = append(out, pair{b[i], a[j], true, true})
			i, j = i+1, j+1
		case j == m || (i < n && l[i+1][j] >= l[i][j+1]):
			gb = append(gb, b[i])
			i++
		default:
			ga = append(ga, a[j])
			j++
		}
	}
	return append(out, gapPairs(gb, ga)...)
}

// gapPairs pairs the removed and added elements of one gap: objects in
// order, the rest on their own (removed first).
func gapPairs(b, a []any) []pair {
	var bo, ao, out []pair
	for _, e := range b {
		if _, ok := e.(map[string]any); ok {
			bo = append(bo, pair{b: e, inB: true})
		} else {
			out = append(out, pair{b: e, inB: true})
		}
	}
	for _, e := range a {
		if _, ok := e.(map[string]any); ok {
			ao = append(ao, pair{a: e, inA: true})
		} else {
			out = append(out, pair{a: e, inA: true})
		}
	}
	for k := 0; k < len(bo) || k < len(ao); k++ {
		var p pair
		if k < len(bo) {
			p.b, p.inB = bo[k].b, true
		}
		if k < len(ao) {
			p.a, p.inA = ao[k].a, true
		}
		out = append(out, p)
	}
	return out
}

func texts(l []any) []string {
	out := make([]string, len(l))
	for i, e := range l {
		out[i] = jsonText(e)
	}
	return out
}

package view

import (
	"fmt"

	"github.com/teramot/teramotc/pkg/apply"
	"github.com/teramot/teramotc/pkg/spec"
)

// The attribute lines of a change, in `terraform plan`'s notation: + an
// added value, - a removed one, ~ a changed one with old -> new, nested
// objects and lists opened with { and [, and "# (N unchanged attributes
// hidden)" for what did not change. Values are given in the shape of the
// rendered documents (apply.Display). A policy's statements are blocks
// of their own, "statement SID", matched by Sid; a changed statement is
// shown whole, its changed attributes marked, so that a reviewer reads
// what it grants after the change. Elements of other lists are matched
// by their ID (lifecycle rules) or Key (tags), else by content.

const indentStep = "    "

// A masked value prints unquoted, sensitiveValue (the plan's own
// placeholder, spec.RedactedData), so that it is never read as a string
// value; a change hidden whole prints hiddenText, the diagnostics' one.
const (
	sensitiveValue = apply.Redacted
	hiddenText     = spec.RedactedText
)

// mode says which unchanged attributes of an object are shown.
type mode int

const (
	hideUnchanged mode = iota // top level and nested objects: only the changes
	showScalars               // list elements: unchanged scalars identify the element
	showAll                   // statements: the whole statement
)

// shows reports whether an unchanged value v is printed in mode m.
func (m mode) shows(v any) bool {
	return m == showAll || (m == showScalars && isScalar(v))
}

type differ struct{ lines []string }

func (d *differ) add(ind, sym, text string) {
	d.lines = append(d.lines, ind+sym+" "+text)
}

// diffLines returns the attribute lines of a change from its displayed
// before and after (nil before: a create; nil after: a delete).
func diffLines(before, after any) []string {
	if hiddenWhole(after) {
		if before == nil {
			return []string{"+ " + hiddenText}
		}
		return []string{"~ " + hiddenText}
	}
	d := &differ{}
	a, aok := after.(map[string]any)
	b, bok := before.(map[string]any)
	switch {
	case aok && before == nil:
		d.objectFull("", "+", a)
	case bok && after == nil:
		d.objectFull("", "-", b)
	case aok && bok:
		d.objectDiff("", b, a, hideUnchanged)
	default: // a crafted plan file: anything else
		if before != nil {
			d.value("", "-", "", before)
		}
		d.value("", "+", "", after)
	}
	return d.lines
}

// objectFull prints every attribute of m with sym.
func (d *differ) objectFull(ind, sym string, m map[string]any) {
	keys := orderedKeys(m)
	w := keyWidth(keys, m)
	for _, k := range keys {
		if stmts, ok := statements(m, k); ok {
			for _, p := range pairUp(nil, stmts, "Sid") { // in the order of a diff: by Sid
				d.statement(ind, sym, p.a)
			}
			continue
		}
		d.value(ind, sym, pad(k, w), m[k])
	}
}

// value prints v whole, with sym on every line; key is "" for a list
// element.
func (d *differ) value(ind, sym, key string, v any) {
	lead, comma := "", ""
	if key != "" {
		lead = key + " = "
	} else if ind != "" {
		comma = ","
	}
	switch x := v.(type) {
	case map[string]any:
		d.add(ind, sym, lead+"{")
		d.objectFull(ind+indentStep, sym, x)
		d.lines = append(d.lines, ind+"  }"+comma)
	case []any:
		if t, ok := inlineList(x); ok {
			d.add(ind, sym, lead+t+comma)
			return
		}
		d.add(ind, sym, lead+"[")
		for _, e := range x {
			d.value(ind+indentStep, sym, "", e)
		}
		d.lines = append(d.lines, ind+"  ]"+comma)
	default:
		d.add(ind, sym, lead+scalar(v)+comma)
	}
}

// objectDiff prints the differences of two objects: changed, added and
// removed attributes, and the unchanged ones m shows.
func (d *differ) objectDiff(ind string, b, a map[string]any, m mode) {
	keys := orderedKeys(a, b)
	var shown []string
	for _, k := range keys {
		bv, inB := b[k]
		av, inA := a[k]
		if !inA || !inB || !same(av, bv) || m.shows(av) {
			shown = append(shown, k)
		}
	}
	w := keyWidth(shown, a, b)
	hidden, hiddenStmts := 0, 0
	for _, k := range keys {
		bv, inB := b[k]
		av, inA := a[k]
		key := pad(k, w)
		as, aIsStmts := statements(a, k)
		bs, bIsStmts := statements(b, k)
		switch {
		case (aIsStmts || !inA) && (bIsStmts || !inB):
			hiddenStmts += d.statementsDiff(ind, bs, as)
		case !inB:
			d.value(ind, "+", key, av)
		case !inA:
			d.value(ind, "-", key, bv)
		case same(av, bv):
			if m.shows(av) {
				d.value(ind, " ", key, av)
			} else {
				hidden++
			}
		default:
			d.changed(ind, key, bv, av, m)
		}
	}
	d.hiddenNote(ind, hidden, "attribute")
	d.hiddenNote(ind, hiddenStmts, "statement")
}

// changed prints one attribute whose value differs.
func (d *differ) changed(ind, key string, bv, av any, m mode) {
	inner := hideUnchanged
	if m == showAll {
		inner = showAll
	}
	bm, bIsMap := bv.(map[string]any)
	am, aIsMap := av.(map[string]any)
	bl, bIsList := bv.([]any)
	al, aIsList := av.([]any)
	switch {
	case bIsMap && aIsMap:
		d.add(ind, "~", key+" = {")
		d.objectDiff(ind+indentStep, bm, am, inner)
		d.lines = append(d.lines, ind+"  }")
	case bIsList && aIsList:
		d.add(ind, "~", key+" = [")
		d.listDiff(ind+indentStep, bl, al, inner)
		d.lines = append(d.lines, ind+"  ]")
	case isScalar(bv) && isScalar(av):
		d.add(ind, "~", key+" = "+scalar(bv)+" -> "+scalar(av))
	default: // the value changed its type
		d.value(ind, "-", key, bv)
		d.value(ind, "+", key, av)
	}
}

func (d *differ) hiddenNote(ind string, n int, what string) {
	if n == 0 {
		return
	}
	if n > 1 {
		what += "s"
	}
	d.lines = append(d.lines, fmt.Sprintf("%s  # (%d unchanged %s hidden)", ind, n, what))
}

// statements returns m[k] as a policy's statements: k is "Statement" and
// its value a list of objects.
func statements(m map[string]any, k string) ([]any, bool) {
	if k != "Statement" {
		return nil, false
	}
	l, ok := m[k].([]any)
	if !ok {
		return nil, false
	}
	for _, e := range l {
		if _, ok := e.(map[string]any); !ok {
			return nil, false
		}
	}
	return l, true
}

func (d *differ) statement(ind, sym string, s any) {
	d.add(ind, sym, "statement "+sidOf(s)+" {")
	d.objectFull(ind+indentStep, sym, withoutSid(s))
	d.lines = append(d.lines, ind+"  }")
}

// withoutSid is a statement without its Sid, which its block's title
// shows.
func withoutSid(s any) map[string]any {
	m := s.(map[string]any)
	if _, ok := m["Sid"].(string); !ok {
		return m
	}
	out := make(map[string]any, len(m))
	for k, e := range m {
		if k != "Sid" {
			out[k] = e
		}
	}
	return out
}

// statementsDiff prints the statements that changed, matched by Sid, and
// returns how many are unchanged.
// A removed statement equal to an added one apart from its Sid is shown
// once, as a rename, and not as the removal and addition of what it says.
func (d *differ) statementsDiff(ind string, b, a []any) int {
	unchanged := 0
	pairs := pairUp(b, a, "Sid")
	renamedTo := sidRenames(pairs)
	for i, p := range pairs {
		if _, ok := renamedTo[i]; ok {
			continue
		}
		switch {
		case !p.inB:
			if from, ok := renamedFrom(renamedTo, i); ok {
				d.add(ind, "~", "statement "+sidOf(pairs[from].b)+" -> "+sidOf(p.a)+" # only its Sid changes")
				continue
			}
			d.statement(ind, "+", p.a)
		case !p.inA:
			d.statement(ind, "-", p.b)
		case same(p.b, p.a):
			unchanged++
		default:
			d.add(ind, "~", "statement "+sidOf(p.a)+" {")
			d.objectDiff(ind+indentStep, withoutSid(p.b), withoutSid(p.a), showAll)
			d.lines = append(d.lines, ind+"  }")
		}
	}
	return unchanged
}

// sidRenames maps the index of each removed statement of pairs that an
// added statement equals apart from its Sid to the index of that added
// statement (each added statement pairs with one removed statement).
func sidRenames(pairs []pair) map[int]int {
	out := map[int]int{}
	used := map[int]bool{}
	for i, r := range pairs {
		if r.inA || !r.inB {
			continue
		}
		for j, ad := range pairs {
			if !ad.inB && ad.inA && !used[j] && same(withoutSid(r.b), withoutSid(ad.a)) {
				out[i], used[j] = j, true
				break
			}
		}
	}
	return out
}

// renamedFrom returns the removed statement whose rename is the added
// statement at index i.
func renamedFrom(renamedTo map[int]int, i int) (int, bool) {
	for from, to := range renamedTo {
		if to == i {
			return from, true
		}
	}
	return 0, false
}

func sidOf(s any) string {
	if sid, ok := s.(map[string]any)["Sid"].(string); ok && sid != "" {
		return sid
	}
	return "(no Sid)"
}

// listDiff prints the elements of two lists: all of a list of scalars
// (unchanged ones give context), the changed elements of a list of
// objects, which are matched by ID or Key, else by content.
func (d *differ) listDiff(ind string, b, a []any, m mode) {
	elem := showScalars
	if m == showAll {
		elem = showAll
	}
	unchanged := 0
	for _, p := range pairUp(b, a, "ID", "Key") {
		switch {
		case !p.inB:
			d.value(ind, "+", "", p.a)
		case !p.inA:
			d.value(ind, "-", "", p.b)
		case same(p.b, p.a):
			if isScalar(p.a) || m == showAll {
				d.value(ind, " ", "", p.a)
			} else {
				unchanged++
			}
		default:
			bm, bok := p.b.(map[string]any)
			am, aok := p.a.(map[string]any)
			if !bok || !aok {
				d.value(ind, "-", "", p.b)
				d.value(ind, "+", "", p.a)
				continue
			}
			d.add(ind, "~", "{")
			d.objectDiff(ind+indentStep, bm, am, elem)
			d.lines = append(d.lines, ind+"  },")
		}
	}
	d.hiddenNote(ind, unchanged, "element")
}

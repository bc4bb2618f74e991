package spec

import (
	"fmt"
	"math/big"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// attrs decodes the attributes of one block into Attr values. Absent or
// null attributes take their default with Set=false and the block's
// declaration range.
type attrs struct {
	l    *loader
	m    hcl.Attributes
	decl hcl.Range
	// pre holds values already evaluated (bucket name and region).
	pre map[string]cty.Value
	// req lists the required attributes (null is reported for them).
	req  map[string]bool
	desc string
}

func (l *loader) attrs(m hcl.Attributes, decl hcl.Range, pre map[string]cty.Value) *attrs {
	return &attrs{l: l, m: m, decl: decl, pre: pre}
}

// value evaluates the named attribute converted to ty. ok is false when the
// attribute is absent, null, unknown or invalid (invalid ones are reported).
func (a *attrs) value(name string, ty cty.Type) (v cty.Value, attr *hcl.Attribute, sensitive, ok bool) {
	attr = a.m[name]
	if attr == nil {
		return cty.NilVal, nil, false, false
	}
	a.l.noteAttr(attr)
	v, found := a.pre[name]
	if !found {
		var good bool
		v, good = a.l.eval(attr.Expr)
		if !good {
			a.l.unsettled[a.decl] = true
			return cty.NilVal, attr, false, false
		}
	}
	if !v.IsWhollyKnown() {
		a.l.unsettled[a.decl] = true // an invalid variable's value: reported already
		return cty.NilVal, attr, false, false
	}
	v, marks := v.UnmarkDeep()
	sensitive = len(marks) > 0
	if v.IsNull() {
		if a.req[name] {
			a.l.errorf(attr.Expr.Range().Ptr(), "Missing required argument",
				"The argument %q is required in %s and may not be null.", name, a.desc)
		}
		return cty.NilVal, attr, sensitive, false
	}
	cv, err := convert.Convert(v, ty)
	if err != nil {
		a.l.errorf(attr.Expr.Range().Ptr(), "Incorrect attribute value type",
			"Inappropriate value for attribute %q: %s.", name, typeError(err, ty))
		a.l.noteFailed(a.decl, name)
		return cty.NilVal, attr, sensitive, false
	}
	if v.Type() == cty.Number && ty == cty.String {
		a.l.numbers[attr.Range] = true
	}
	if ty.IsListType() || ty.IsMapType() {
		for it := cv.ElementIterator(); it.Next(); {
			if _, e := it.Element(); e.IsNull() {
				a.l.errorf(attr.Expr.Range().Ptr(), "Null value in collection",
					"Attribute %q may not contain null elements.", name)
				a.l.noteFailed(a.decl, name)
				return cty.NilVal, attr, sensitive, false
			}
		}
	}
	return cv, attr, sensitive, true
}

func typeError(err error, ty cty.Type) string {
	switch {
	case ty == cty.String:
		return "a string is required"
	case ty == cty.Bool:
		return "a bool (true or false) is required"
	case ty == cty.Number:
		return "a number is required"
	case ty.IsListType():
		return "a list of strings is required"
	case ty.IsMapType():
		return "a map of strings is required"
	}
	return err.Error()
}

func (a *attrs) str(name, def string) Attr[string] {
	out := Attr[string]{Value: def, Range: a.decl}
	if v, attr, sens, ok := a.value(name, cty.String); ok {
		out = Attr[string]{Value: v.AsString(), Range: attr.Range, Set: true, Sensitive: sens, Number: a.l.numbers[attr.Range]}
	}
	return out
}

func (a *attrs) boolean(name string, def bool) Attr[bool] {
	out := Attr[bool]{Value: def, Range: a.decl}
	if v, attr, sens, ok := a.value(name, cty.Bool); ok {
		out = Attr[bool]{Value: v.True(), Range: attr.Range, Set: true, Sensitive: sens}
	}
	return out
}

func (a *attrs) integer(name string, def int) Attr[int] {
	out := Attr[int]{Value: def, Range: a.decl}
	v, attr, sens, ok := a.value(name, cty.Number)
	if !ok {
		return out
	}
	bf := v.AsBigFloat()
	i, acc := bf.Int64()
	if acc != big.Exact || i < -1<<31 || i > 1<<31-1 {
		a.l.errorf(attr.Expr.Range().Ptr(), "Invalid number",
			"Attribute %q must be a whole number between -2147483648 and 2147483647.", name)
		a.l.noteFailed(a.decl, name)
		return out
	}
	return Attr[int]{Value: int(i), Range: attr.Range, Set: true, Sensitive: sens}
}

func (a *attrs) strList(name string) Attr[[]string] {
	out := Attr[[]string]{Value: []string{}, Range: a.decl}
	v, attr, sens, ok := a.value(name, cty.List(cty.String))
	if !ok {
		return out
	}
	list := []string{}
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		list = append(list, e.AsString())
	}
	rngs := make([]hcl.Range, len(list))
	if t, ok := attr.Expr.(*hclsyntax.TupleConsExpr); ok && len(t.Exprs) == len(list) {
		for i, e := range t.Exprs {
			rngs[i] = e.Range()
		}
		a.l.elems[attr.Range] = rngs
	} else {
		for i := range rngs {
			rngs[i] = attr.Range
		}
	}
	return Attr[[]string]{Value: list, Range: attr.Range, Set: true, Sensitive: sens, Elements: rngs}
}

// elemRange returns the range of the i-th element of a list attribute
// written as a list literal (["a", "b"]), so that a diagnostic about one
// element points at it; else the attribute's range (a diagnostic's subject
// is then its value).
func (l *loader) elemRange(a Attr[[]string], i int) hcl.Range {
	if rngs := l.elems[a.Range]; i < len(rngs) {
		return rngs[i]
	}
	return a.Range
}

// required reports each named attribute that is absent from blk, and makes
// value report it when it is null. An absent attribute that an
// "Unsupported argument" error of the block already suggests (a misspelt
// name) is not reported again.
func (a *attrs) required(blk *hcl.Block, blockDesc string, names ...string) {
	a.req, a.desc = map[string]bool{}, blockDesc
	body := bodyRange(blk)
	for _, n := range names {
		a.req[n] = true
		if a.m[n] == nil && !a.l.misspeltIn(body, n) {
			a.l.errorf(a.decl.Ptr(), "Missing required argument",
				"The argument %q is required in %s, but no definition was found.", n, blockDesc)
		}
	}
}

// noteAttr remembers the value range of an attribute, so that diagnostics
// about an Attr (whose Range covers `name = value`) point at the value.
func (l *loader) noteAttr(attr *hcl.Attribute) {
	if l.valueRanges == nil {
		l.valueRanges = map[hcl.Range]hcl.Range{}
	}
	l.valueRanges[attr.Range] = attr.Expr.Range()
}

// subject returns the diagnostic subject for rng: the value's range when rng
// is an attribute's range.
func (l *loader) subject(rng *hcl.Range) *hcl.Range {
	if rng == nil {
		return nil
	}
	if v, ok := l.valueRanges[*rng]; ok {
		return &v
	}
	return rng
}

// evalStr evaluates a string attribute, reporting wrong types.
func (l *loader) evalStr(attr *hcl.Attribute) cty.Value {
	v, ok := l.eval(attr.Expr)
	if !ok {
		return cty.UnknownVal(cty.String)
	}
	v, marks := v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return v.WithMarks(marks)
	}
	cv, err := convert.Convert(v, cty.String)
	if err != nil {
		l.errorf(attr.Expr.Range().Ptr(), "Incorrect attribute value type",
			"Inappropriate value for attribute %q: a string is required.", attr.Name)
		return cty.UnknownVal(cty.String)
	}
	return cv.WithMarks(marks)
}

// singleBlock returns the only block of type typ, reporting duplicates.
func (l *loader) singleBlock(blocks hcl.Blocks, typ string) *hcl.Block {
	var first *hcl.Block
	for _, b := range blocks {
		if b.Type != typ {
			continue
		}
		if first != nil {
			l.errorf(b.DefRange.Ptr(), "Duplicate "+typ+" block",
				"Only one %s block is allowed here; the first one is at %s.", typ, first.DefRange)
			continue
		}
		first = b
	}
	return first
}

func quoteList(items []string) string {
	s := ""
	for i, it := range items {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%q", it)
	}
	return s
}

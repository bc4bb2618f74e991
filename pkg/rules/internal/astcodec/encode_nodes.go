package astcodec

import (
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The syntax nodes, written in the order decode_nodes.go reads them.

func (e *encoder) module(m *ast.Module) {
	e.terms(m.Package.Path)
	e.loc(m.Package.Location)
	e.uint(len(m.Imports))
	for _, imp := range m.Imports {
		e.term(imp.Path)
		e.str(string(imp.Alias))
		e.loc(imp.Location)
	}
	e.uint(len(m.Rules))
	for _, r := range m.Rules {
		e.rule(r)
	}
}

func (e *encoder) rule(r *ast.Rule) {
	e.bool(r.Default)
	e.loc(r.Location)
	h := r.Head
	e.str(string(h.Name))
	e.terms(h.Reference)
	e.terms(h.Args)
	e.term(h.Key)
	e.term(h.Value)
	e.bool(h.Assign)
	e.loc(h.Location)
	e.body(r.Body)
	if r.Else == nil {
		e.bool(false)
		return
	}
	e.bool(true)
	e.rule(r.Else)
}

func (e *encoder) body(b ast.Body) {
	e.uint(len(b))
	for _, x := range b {
		e.expr(x)
	}
}

func (e *encoder) expr(x *ast.Expr) {
	e.uint(x.Index)
	e.bool(x.Generated)
	e.bool(x.Negated)
	e.loc(x.Location)
	e.uint(len(x.With))
	for _, w := range x.With {
		e.term(w.Target)
		e.term(w.Value)
		e.loc(w.Location)
	}
	switch t := x.Terms.(type) {
	case *ast.Term:
		e.buf = append(e.buf, eTerm)
		e.term(t)
	case []*ast.Term:
		e.buf = append(e.buf, eCall)
		e.terms(t)
	case *ast.SomeDecl:
		e.buf = append(e.buf, eSome)
		e.terms(t.Symbols)
		e.loc(t.Location)
	case *ast.Every:
		e.buf = append(e.buf, eEvery)
		e.term(t.Key)
		e.term(t.Value)
		e.term(t.Domain)
		e.body(t.Body)
		e.loc(t.Location)
	default:
		panic(encodeError(fmt.Sprintf("astcodec: expression %v at %v: unsupported kind %T", x, x.Location, x.Terms)))
	}
}

func (e *encoder) terms(ts []*ast.Term) {
	e.uint(len(ts))
	for _, t := range ts {
		e.term(t)
	}
}

func (e *encoder) term(t *ast.Term) {
	if t == nil {
		e.buf = append(e.buf, tNil)
		return
	}
	switch v := t.Value.(type) {
	case ast.Null:
		e.buf = append(e.buf, tNull)
	case ast.Boolean:
		e.buf = append(e.buf, map[bool]byte{false: tFalse, true: tTrue}[bool(v)])
	case ast.Number:
		e.buf = append(e.buf, tNumber)
		e.str(string(v))
	case ast.String:
		e.buf = append(e.buf, tString)
		e.str(string(v))
	case ast.Var:
		e.buf = append(e.buf, tVar)
		e.str(string(v))
	case ast.Ref:
		e.buf = append(e.buf, tRef)
		e.terms(v)
	case *ast.Array:
		e.buf = append(e.buf, tArray)
		e.uint(v.Len())
		v.Foreach(e.term)
	case ast.Set:
		e.buf = append(e.buf, tSet)
		e.uint(v.Len())
		v.Foreach(e.term)
	case ast.Object:
		e.buf = append(e.buf, tObject)
		e.uint(v.Len())
		v.Foreach(func(k, val *ast.Term) { e.term(k); e.term(val) })
	case *ast.ArrayComprehension:
		e.buf = append(e.buf, tArrayCompr)
		e.term(v.Term)
		e.body(v.Body)
	case *ast.SetComprehension:
		e.buf = append(e.buf, tSetCompr)
		e.term(v.Term)
		e.body(v.Body)
	case *ast.ObjectComprehension:
		e.buf = append(e.buf, tObjectCompr)
		e.term(v.Key)
		e.term(v.Value)
		e.body(v.Body)
	case ast.Call:
		e.buf = append(e.buf, tCall)
		e.terms(v)
	default:
		panic(encodeError(fmt.Sprintf("astcodec: term %v at %v: unsupported value %T", t, t.Location, t.Value)))
	}
	e.loc(t.Location)
}

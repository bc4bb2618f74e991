package astcodec

import (
	"fmt"
	"math/big"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The syntax nodes, read in the order encode_nodes.go writes them.

func (d *decoder) module() *ast.Module {
	m := &ast.Module{Package: &ast.Package{}}
	m.Package.Path = d.ref()
	m.Package.Location = d.loc()
	m.Imports = make([]*ast.Import, d.count())
	for i := range m.Imports {
		m.Imports[i] = &ast.Import{Path: d.term(), Alias: ast.Var(d.str()), Location: d.loc()}
	}
	m.Rules = make([]*ast.Rule, d.count())
	for i := range m.Rules {
		m.Rules[i] = d.rule(m)
	}
	m.SetRegoVersion(ast.RegoV1)
	return m
}

func (d *decoder) rule(m *ast.Module) *ast.Rule {
	r := &ast.Rule{Module: m, Default: d.bool(), Location: d.loc()}
	h := &ast.Head{Name: ast.Var(d.str())}
	h.Reference = d.ref()
	h.Args = ast.Args(d.termList())
	h.Key = d.term()
	h.Value = d.term()
	h.Assign = d.bool()
	h.Location = d.loc()
	r.Head = h
	r.Body = d.body()
	if d.bool() {
		r.Else = d.rule(m)
	}
	return r
}

func (d *decoder) body() ast.Body {
	d.enter()
	defer d.leave()
	b := make(ast.Body, d.count())
	for i := range b {
		b[i] = d.expr()
	}
	return b
}

func (d *decoder) expr() *ast.Expr {
	if len(d.exprs) == 0 {
		d.exprs = make([]ast.Expr, slab)
	}
	x := &d.exprs[0]
	d.exprs = d.exprs[1:]
	x.Index = d.uint()
	x.Generated = d.bool()
	x.Negated = d.bool()
	x.Location = d.loc()
	if n := d.count(); n > 0 {
		x.With = make([]*ast.With, n)
		for i := range x.With {
			x.With[i] = &ast.With{Target: d.term(), Value: d.term(), Location: d.loc()}
		}
	}
	switch k := d.byte(); k {
	case eTerm:
		x.Terms = d.term()
	case eCall:
		x.Terms = d.termList()
	case eSome:
		x.Terms = &ast.SomeDecl{Symbols: d.termList(), Location: d.loc()}
	case eEvery:
		ev := &ast.Every{Key: d.term(), Value: d.term(), Domain: d.term()}
		ev.Body = d.body()
		ev.Location = d.loc()
		x.Terms = ev
	default:
		panic(fmt.Errorf("astcodec: unknown expression kind %d", k))
	}
	return x
}

func (d *decoder) termList() []*ast.Term {
	n := d.count()
	if n == 0 {
		return nil
	}
	ts := make([]*ast.Term, n)
	for i := range ts {
		ts[i] = d.term()
	}
	return ts
}

func (d *decoder) ref() ast.Ref { return ast.Ref(d.termList()) }

func (d *decoder) enter() {
	if d.depth++; d.depth > maxDepth {
		panic(fmt.Errorf("astcodec: terms nested deeper than %d", maxDepth))
	}
}

func (d *decoder) leave() { d.depth-- }

func (d *decoder) term() *ast.Term {
	d.enter()
	defer d.leave()
	tag := d.byte()
	if tag == tNil {
		return nil
	}
	var v ast.Value
	switch tag {
	case tNull:
		v = ast.NullValue
	case tFalse:
		v = ast.Boolean(false)
	case tTrue:
		v = ast.Boolean(true)
	case tNumber:
		n := d.str()
		if _, ok := new(big.Float).SetString(n); !ok {
			panic(fmt.Errorf("astcodec: %q is not a number", n))
		}
		v = ast.Number(n)
	case tString:
		v = d.value(&d.strs, stringValue)
	case tVar:
		v = d.value(&d.vars, varValue)
	case tRef:
		v = d.ref()
	case tArray:
		v = ast.NewArray(d.termList()...)
	case tSet:
		v = ast.NewSet(d.termList()...)
	case tObject:
		kv := make([][2]*ast.Term, d.count())
		for i := range kv {
			kv[i] = [2]*ast.Term{d.term(), d.term()}
		}
		v = ast.NewObject(kv...)
	case tArrayCompr:
		v = &ast.ArrayComprehension{Term: d.term(), Body: d.body()}
	case tSetCompr:
		v = &ast.SetComprehension{Term: d.term(), Body: d.body()}
	case tObjectCompr:
		v = &ast.ObjectComprehension{Key: d.term(), Value: d.term(), Body: d.body()}
	case tCall:
		v = ast.Call(d.termList())
	default:
		panic(fmt.Errorf("astcodec: unknown value tag %d", tag))
	}
	if len(d.terms) == 0 {
		d.terms = make([]ast.Term, slab)
	}
	t := &d.terms[0]
	d.terms = d.terms[1:]
	t.Value, t.Location = v, d.loc()
	return t
}

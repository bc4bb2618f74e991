// Package astcodec stores compiled Rego modules in a compact binary form
// and reads them back without parsing.
//
// teramotc compiles its built-in policies when it is built (go generate)
// and embeds the result, so that a lint process rebuilds the compiler's
// indexes from ready syntax trees instead of parsing and compiling 45 files
// (see pkg/rules/snapshot.go). The format keeps what evaluation needs:
// every module's package, rules, heads, bodies, terms and their source
// positions (file, row, column), and the compiler's map of rewritten
// variables. It drops comments, annotations and source text.
//
// The format is private to one build of teramotc: a snapshot is always
// decoded by the code that encoded it, and carries a version word.
package astcodec

import (
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
)

// magic starts every snapshot; bump its digit when the layout changes.
const magic = "TMCAST3\n"

// Value tags.
const (
	tNil byte = iota
	tNull
	tFalse
	tTrue
	tNumber
	tString
	tVar
	tRef
	tArray
	tSet
	tObject
	tArrayCompr
	tSetCompr
	tObjectCompr
	tCall
)

// Expression term kinds.
const (
	eTerm byte = iota
	eCall
	eSome
	eEvery
)

// Snapshot is what Encode stores: compiled modules keyed by file name and
// the compiler's rewritten variables (ast.Compiler.RewrittenVars).
type Snapshot struct {
	Modules       map[string]*ast.Module
	RewrittenVars map[ast.Var]ast.Var
}

type encoder struct {
	buf     []byte
	strings map[string]int
	table   []string
}

// Encode serialises s deterministically: modules in file-name order,
// rewritten variables sorted. It fails on a syntax node it does not know,
// which a test catches when OPA grows a new one.
func Encode(s Snapshot) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(encodeError)
			if !ok {
				panic(r)
			}
			out, err = nil, e
		}
	}()
	e := &encoder{strings: map[string]int{}}
	files := slices.Sorted(mapKeys(s.Modules))
	vars := slices.Sorted(mapKeys(s.RewrittenVars))
	for _, v := range vars {
		e.str(string(v))
		e.str(string(s.RewrittenVars[v]))
	}
	for _, f := range files {
		e.str(f)
	}
	bodies := make([][]byte, len(files))
	for i, f := range files {
		e.buf = nil
		e.module(s.Modules[f])
		bodies[i] = e.buf
	}
	// Layout: magic, string table, rewritten variables, the directory of
	// modules (file, length), then each module's body, so that the decoder
	// reads the shared parts once and decodes the modules in parallel.
	e.buf = append([]byte(nil), magic...)
	strs := e.table
	e.uint(len(strs))
	for _, str := range strs {
		e.uint(len(str))
		e.buf = append(e.buf, str...)
	}
	e.uint(len(vars))
	for _, v := range vars {
		e.index(string(v))
		e.index(string(s.RewrittenVars[v]))
	}
	e.uint(len(files))
	for i, f := range files {
		e.index(f)
		e.uint(len(bodies[i]))
	}
	for _, b := range bodies {
		e.buf = append(e.buf, b...)
	}
	return e.buf, nil
}

// index writes the table index of a string interned before the table was
// written.
func (e *encoder) index(s string) {
	i, ok := e.strings[s]
	if !ok {
		panic(encodeError(fmt.Sprintf("astcodec: %q is not in the string table", s)))
	}
	e.uint(i)
}

type encodeError string

func (e encodeError) Error() string { return string(e) }

func mapKeys[K ~string, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func (e *encoder) uint(n int) { e.buf = binary.AppendUvarint(e.buf, uint64(n)) }

func (e *encoder) bool(b bool) {
	if b {
		e.buf = append(e.buf, 1)
	} else {
		e.buf = append(e.buf, 0)
	}
}

func (e *encoder) str(s string) {
	i, ok := e.strings[s]
	if !ok {
		i = len(e.table)
		e.strings[s] = i
		e.table = append(e.table, s)
	}
	e.uint(i)
}

func (e *encoder) loc(l *ast.Location) {
	if l == nil {
		e.uint(0)
		return
	}
	e.uint(1)
	e.str(l.File)
	e.uint(l.Row)
	e.uint(l.Col)
}

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

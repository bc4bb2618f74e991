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
const magic = "TMCAST4\n"

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
	// locs numbers the distinct source positions of the module being
	// encoded, from 1; locList lists them in that order.
	locs    map[position]int
	locList []position
}

// position is what the format keeps of an ast.Location.
type position struct {
	file     string
	row, col int
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
		bodies[i] = e.moduleBody(s.Modules[f])
	}
	// Layout: magic, string table, rewritten variables, the directory of
	// modules (file, length), then each module's body, so that the decoder
	// reads the shared parts once and decodes the modules in parallel.
	// A body starts with the module's table of source positions.
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

// moduleBody encodes m after the table of the source positions it holds.
// Terms and expressions of a compiled module often share a position (the
// compiler's rewrites copy it), and the decoder allocates each distinct one
// once.
func (e *encoder) moduleBody(m *ast.Module) []byte {
	e.buf, e.locs, e.locList = nil, map[position]int{}, nil
	e.module(m)
	nodes := e.buf
	e.buf = nil
	e.uint(len(e.locList))
	for _, l := range e.locList {
		e.str(l.file)
		e.uint(l.row)
		e.uint(l.col)
	}
	return append(e.buf, nodes...)
}

// loc writes a position as its number in the module's table, 0 for none.
// Only the file, row and column are kept.
func (e *encoder) loc(l *ast.Location) {
	if l == nil {
		e.uint(0)
		return
	}
	k := position{l.File, l.Row, l.Col}
	i, ok := e.locs[k]
	if !ok {
		e.locList = append(e.locList, k)
		i = len(e.locList)
		e.locs[k] = i
	}
	e.uint(i)
}

package astcodec

import (
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
)

// slab is how many terms or expressions the decoder allocates at
// once: a snapshot holds tens of thousands of small nodes, and allocating
// them in blocks is most of what makes decoding cheap.
const slab = 512

// maxDepth bounds the nesting of terms and bodies: compiled policies stay
// far below it, and a damaged snapshot cannot make decoding quadratic.
const maxDepth = 200

type decoder struct {
	depth int
	buf   []byte
	table []string
	terms []ast.Term
	locs  []ast.Location // the positions of the module being decoded
	exprs []ast.Expr
	// strs and vars hold the string and variable values made from each
	// table entry, so that a name used in many terms becomes a Value once.
	strs, vars []ast.Value
}

var errTruncated = errors.New("astcodec: snapshot is truncated")

// Decode reads a snapshot written by Encode. Every module comes back as
// Rego v1 with each rule's Module set. A damaged snapshot is an error,
// never a crash.
func Decode(data []byte) (s Snapshot, err error) {
	defer func() {
		// The decoder reports damage by panicking with an error. Other
		// panics (OPA's own) are not recovered: OPA may hold a lock.
		if r := recover(); r != nil {
			e, ok := r.(error)
			if !ok {
				panic(r)
			}
			s, err = Snapshot{}, e
		}
	}()
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return Snapshot{}, fmt.Errorf("astcodec: not a snapshot of this version (want %q)", magic[:len(magic)-1])
	}
	d := &decoder{buf: data[len(magic):]}
	d.table = make([]string, d.count())
	for i := range d.table {
		n := d.uint()
		if n > len(d.buf) {
			panic(errTruncated)
		}
		d.table[i] = string(d.buf[:n])
		d.buf = d.buf[n:]
	}
	n := d.count()
	s.RewrittenVars = make(map[ast.Var]ast.Var, n)
	for range n {
		k := ast.Var(d.str())
		s.RewrittenVars[k] = ast.Var(d.str())
	}
	files := make([]string, d.count())
	sizes := make([]int, len(files))
	for i := range files {
		files[i], sizes[i] = d.str(), d.uint()
	}
	bodies := make([][]byte, len(files))
	for i, size := range sizes {
		if size > len(d.buf) {
			panic(errTruncated)
		}
		bodies[i], d.buf = d.buf[:size], d.buf[size:]
	}
	if len(d.buf) != 0 {
		return Snapshot{}, fmt.Errorf("astcodec: %d bytes after the end of the snapshot", len(d.buf))
	}
	mods, err := decodeModules(d.table, bodies)
	if err != nil {
		return Snapshot{}, err
	}
	s.Modules = make(map[string]*ast.Module, len(files))
	for i, f := range files {
		s.Modules[f] = mods[i]
	}
	return s, nil
}

// decodeModules decodes the module bodies on all cores: a lint process
// waits for them before it can evaluate.
func decodeModules(table []string, bodies [][]byte) ([]*ast.Module, error) {
	mods := make([]*ast.Module, len(bodies))
	errs := make([]error, len(bodies))
	var next atomic.Int32
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(bodies)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := &decoder{table: table}
			for i := int(next.Add(1)) - 1; i < len(bodies); i = int(next.Add(1)) - 1 {
				mods[i], errs[i] = d.moduleOf(bodies[i])
			}
		}()
	}
	wg.Wait()
	return mods, errors.Join(errs...)
}

// moduleOf decodes one module body, which must be consumed exactly.
func (d *decoder) moduleOf(body []byte) (m *ast.Module, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(error)
			if !ok {
				panic(r)
			}
			m, err = nil, e
		}
	}()
	d.buf, d.depth = body, 0
	d.locs = make([]ast.Location, d.count())
	for i := range d.locs {
		d.locs[i] = ast.Location{File: d.str(), Row: d.uint(), Col: d.uint()}
	}
	m = d.module()
	if len(d.buf) != 0 {
		return nil, fmt.Errorf("astcodec: %d bytes after the end of a module", len(d.buf))
	}
	return m, nil
}

func (d *decoder) byte() byte {
	if len(d.buf) == 0 {
		panic(errTruncated)
	}
	b := d.buf[0]
	d.buf = d.buf[1:]
	return b
}

func (d *decoder) uint() int {
	v, n := binary.Uvarint(d.buf)
	if n <= 0 || v > 1<<31 {
		panic(errTruncated)
	}
	d.buf = d.buf[n:]
	return int(v)
}

// count reads a number of elements to allocate: each takes at least one
// byte, so a count beyond the bytes left is a damaged snapshot.
func (d *decoder) count() int {
	n := d.uint()
	if n > len(d.buf) {
		panic(errTruncated)
	}
	return n
}

func (d *decoder) bool() bool { return d.byte() != 0 }

func (d *decoder) str() string { return d.table[d.strIndex()] }

func (d *decoder) strIndex() int {
	i := d.uint()
	if i >= len(d.table) {
		panic(fmt.Errorf("astcodec: string %d is not in the table of %d", i, len(d.table)))
	}
	return i
}

// value returns the Value of table entry i made by mk, made once per
// decoder.
func (d *decoder) value(cache *[]ast.Value, mk func(string) ast.Value) ast.Value {
	i := d.strIndex()
	if *cache == nil {
		*cache = make([]ast.Value, len(d.table))
	}
	v := (*cache)[i]
	if v == nil {
		v = mk(d.table[i])
		(*cache)[i] = v
	}
	return v
}

func stringValue(s string) ast.Value { return ast.String(s) }

func varValue(s string) ast.Value { return ast.Var(s) }

// loc reads a position: its number in the module's table, 0 for none.
// Nodes at the same position share one Location, as OPA's own rewrites
// share them; nothing downstream of the compiler modifies a Location.
func (d *decoder) loc() *ast.Location {
	i := d.uint()
	if i == 0 {
		return nil
	}
	if i > len(d.locs) {
		panic(fmt.Errorf("astcodec: position %d is not in the table of %d", i, len(d.locs)))
	}
	return &d.locs[i-1]
}

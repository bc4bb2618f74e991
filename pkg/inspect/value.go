package inspect

import (
	"reflect"
	"sort"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// Value builds the same document as Build directly as an OPA value, the
// form the policy engine evaluates, without the intermediate Go maps.
func Value(l *spec.Loaded, out *render.Output) ast.Value {
	var s *spec.Spec
	if l != nil {
		s = l.Spec
	}
	if s == nil {
		s = &spec.Spec{}
	}
	b := &builder{ranges: map[hcl.Range]*ast.Term{}}
	obj := termEncoderFor(reflect.TypeFor[spec.Spec]())(reflect.ValueOf(s).Elem(), b).Value.(ast.Object)
	obj.Insert(ast.InternedTerm("format_version"), ast.InternedTerm(FormatVersion))
	var docs []*ast.Term
	if out != nil {
		docs = make([]*ast.Term, 0, len(out.Documents))
		for _, d := range out.Documents {
			docs = append(docs, b.documentTerm(d))
		}
	}
	obj.Insert(ast.InternedTerm("documents"), ast.ArrayTerm(docs...))
	return obj
}

func (b *builder) documentTerm(d *render.Document) *ast.Term {
	keys := make([]string, 0, len(d.Provenance))
	for k := range d.Provenance {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	prov := make([][2]*ast.Term, len(keys))
	for i, k := range keys {
		prov[i] = ast.Item(ast.StringTerm(k), b.rangeTerm(d.Provenance[k]))
	}
	return ast.ObjectTerm(
		ast.Item(ast.InternedTerm("path"), ast.StringTerm(d.Path)),
		ast.Item(ast.InternedTerm("kind"), ast.StringTerm(string(d.Kind))),
		ast.Item(ast.InternedTerm("address"), ast.StringTerm(d.Address)),
		ast.Item(ast.InternedTerm("range"), b.rangeTerm(d.Range)),
		ast.Item(ast.InternedTerm("content"), contentTerm(d.Content)),
		ast.Item(ast.InternedTerm("provenance"), ast.ObjectTerm(prov...)),
		ast.Item(ast.InternedTerm("sensitive"), ast.InternedTerm(d.Sensitive)),
	)
}

// contentTerm converts rendered content (generic JSON values) to a term
// without copying it first.
func contentTerm(v any) *ast.Term {
	switch x := v.(type) {
	case nil:
		return ast.InternedNullTerm
	case string:
		return ast.StringTerm(x)
	case bool:
		return ast.InternedTerm(x)
	case int:
		return ast.InternedTerm(x)
	case int64:
		return ast.InternedTerm(int(x))
	case float64:
		return ast.FloatNumberTerm(x)
	case map[string]any:
		items := make([][2]*ast.Term, 0, len(x))
		for k, e := range x {
			items = append(items, ast.Item(ast.StringTerm(k), contentTerm(e)))
		}
		return ast.ObjectTerm(items...)
	case []any:
		terms := make([]*ast.Term, len(x))
		for i, e := range x {
			terms[i] = contentTerm(e)
		}
		return ast.ArrayTerm(terms...)
	case []string:
		terms := make([]*ast.Term, len(x))
		for i, e := range x {
			terms[i] = ast.StringTerm(e)
		}
		return ast.ArrayTerm(terms...)
	}
	val, err := ast.InterfaceToValue(normalize(v))
	if err != nil {
		return ast.InternedNullTerm
	}
	return ast.NewTerm(val)
}

var (
	keyFilename = ast.InternedTerm("filename")
	keyStart    = ast.InternedTerm("start")
	keyEnd      = ast.InternedTerm("end")
	keyLine     = ast.InternedTerm("line")
	keyColumn   = ast.InternedTerm("column")
	keyByte     = ast.InternedTerm("byte")
)

// builder shares one term per distinct range within a document: an unset
// attribute's range is its block's header, so many ranges repeat. Terms are
// never modified during evaluation, so sharing them is safe.
type builder struct {
	ranges map[hcl.Range]*ast.Term
}

func (b *builder) rangeTerm(r hcl.Range) *ast.Term {
	if t, ok := b.ranges[r]; ok {
		return t
	}
	t := rangeTerm(r)
	b.ranges[r] = t
	return t
}

func rangeTerm(r hcl.Range) *ast.Term {
	return ast.ObjectTerm(
		ast.Item(keyFilename, ast.StringTerm(r.Filename)),
		ast.Item(keyStart, posTerm(r.Start)),
		ast.Item(keyEnd, posTerm(r.End)),
	)
}

func posTerm(p hcl.Pos) *ast.Term {
	return ast.ObjectTerm(
		ast.Item(keyLine, ast.InternedTerm(p.Line)),
		ast.Item(keyColumn, ast.InternedTerm(p.Column)),
		ast.Item(keyByte, ast.InternedTerm(p.Byte)),
	)
}

// termEncoder mirrors encoder (encode.go) but produces OPA terms.
type termEncoder func(v reflect.Value, b *builder) *ast.Term

var termEncoders sync.Map // reflect.Type -> termEncoder

func termEncoderFor(t reflect.Type) termEncoder {
	if e, ok := termEncoders.Load(t); ok {
		return e.(termEncoder)
	}
	var (
		wg sync.WaitGroup
		f  termEncoder
	)
	wg.Add(1)
	e, loaded := termEncoders.LoadOrStore(t, termEncoder(func(v reflect.Value, b *builder) *ast.Term {
		wg.Wait()
		return f(v, b)
	}))
	if loaded {
		return e.(termEncoder)
	}
	f = newTermEncoder(t)
	wg.Done()
	termEncoders.Store(t, f)
	return f
}

func newTermEncoder(t reflect.Type) termEncoder {
	switch t {
	case rangeType:
		return func(v reflect.Value, b *builder) *ast.Term { return b.rangeTerm(v.Interface().(hcl.Range)) }
	case posType:
		return func(v reflect.Value, _ *builder) *ast.Term { return posTerm(v.Interface().(hcl.Pos)) }
	}
	switch t.Kind() {
	case reflect.String:
		return func(v reflect.Value, _ *builder) *ast.Term { return ast.StringTerm(v.String()) }
	case reflect.Bool:
		return func(v reflect.Value, _ *builder) *ast.Term { return ast.InternedTerm(v.Bool()) }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(v reflect.Value, _ *builder) *ast.Term { return ast.InternedTerm(int(v.Int())) }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return func(v reflect.Value, _ *builder) *ast.Term { return ast.InternedTerm(int(v.Uint())) }
	case reflect.Float32, reflect.Float64:
		return func(v reflect.Value, _ *builder) *ast.Term { return ast.FloatNumberTerm(v.Float()) }
	case reflect.Pointer:
		elem := termEncoderFor(t.Elem())
		return func(v reflect.Value, b *builder) *ast.Term {
			if v.IsNil() {
				return ast.InternedNullTerm
			}
			return elem(v.Elem(), b)
		}
	case reflect.Interface:
		return func(v reflect.Value, _ *builder) *ast.Term {
			if v.IsNil() {
				return ast.InternedNullTerm
			}
			val, err := ast.InterfaceToValue(normalize(v.Elem().Interface()))
			if err != nil {
				return ast.InternedNullTerm
			}
			return ast.NewTerm(val)
		}
	case reflect.Slice, reflect.Array:
		elem := termEncoderFor(t.Elem())
		return func(v reflect.Value, b *builder) *ast.Term {
			terms := make([]*ast.Term, v.Len())
			for i := range terms {
				terms[i] = elem(v.Index(i), b)
			}
			return ast.ArrayTerm(terms...)
		}
	case reflect.Map:
		elem := termEncoderFor(t.Elem())
		return func(v reflect.Value, b *builder) *ast.Term {
			items := make([][2]*ast.Term, 0, v.Len())
			it := v.MapRange()
			for it.Next() {
				items = append(items, ast.Item(ast.StringTerm(it.Key().String()), elem(it.Value(), b)))
			}
			return ast.ObjectTerm(items...)
		}
	case reflect.Struct:
		fields := structFields(t, nil)
		keys := make([]*ast.Term, len(fields))
		encs := make([]termEncoder, len(fields))
		for i, f := range fields {
			keys[i] = ast.InternedTerm(f.name)
			encs[i] = termEncoderFor(fieldType(t, f.index))
		}
		return func(v reflect.Value, b *builder) *ast.Term {
			items := make([][2]*ast.Term, 0, len(fields))
			for i, f := range fields {
				fv := v.FieldByIndex(f.index)
				if f.ifTrue && !fv.Bool() {
					continue
				}
				items = append(items, ast.Item(keys[i], encs[i](fv, b)))
			}
			return ast.ObjectTerm(items...)
		}
	}
	return func(reflect.Value, *builder) *ast.Term { return ast.InternedNullTerm }
}

func fieldType(t reflect.Type, index []int) reflect.Type {
	return t.FieldByIndex(index).Type
}

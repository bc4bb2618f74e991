package inspect

import (
	"reflect"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
)

// Range encodes an hcl.Range as the document's range object:
// {"filename", "start": {"line","column","byte"}, "end": {...}}.
func Range(r hcl.Range) map[string]any {
	return map[string]any{
		"filename": r.Filename,
		"start":    pos(r.Start),
		"end":      pos(r.End),
	}
}

func pos(p hcl.Pos) map[string]any {
	return map[string]any{"line": p.Line, "column": p.Column, "byte": p.Byte}
}

// An encoder turns one Go value of a known type into document values. The
// encoders are derived once per type by reflection and cached, so building a
// document walks the model without reflecting on type information again and
// without a JSON round trip.
type encoder func(v reflect.Value) any

var encoders sync.Map // reflect.Type -> encoder

var (
	rangeType = reflect.TypeFor[hcl.Range]()
	posType   = reflect.TypeFor[hcl.Pos]()
)

func encodeStruct(v any) map[string]any {
	out, _ := encodeReflect(v).(map[string]any)
	return out
}

func encodeReflect(v any) any {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return nil
	}
	return encoderFor(rv.Type())(rv)
}

func encoderFor(t reflect.Type) encoder {
	if e, ok := encoders.Load(t); ok {
		return e.(encoder)
	}
	// Store an indirection first so that recursive types terminate.
	var (
		wg sync.WaitGroup
		f  encoder
	)
	wg.Add(1)
	e, loaded := encoders.LoadOrStore(t, encoder(func(v reflect.Value) any {
		wg.Wait()
		return f(v)
	}))
	if loaded {
		return e.(encoder)
	}
	f = newEncoder(t)
	wg.Done()
	encoders.Store(t, f)
	return f
}

func newEncoder(t reflect.Type) encoder {
	switch t {
	case rangeType:
		return func(v reflect.Value) any { return Range(v.Interface().(hcl.Range)) }
	case posType:
		return func(v reflect.Value) any { return pos(v.Interface().(hcl.Pos)) }
	}
	switch t.Kind() {
	case reflect.String:
		return func(v reflect.Value) any { return v.String() }
	case reflect.Bool:
		return func(v reflect.Value) any { return v.Bool() }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(v reflect.Value) any { return int(v.Int()) }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return func(v reflect.Value) any { return int(v.Uint()) }
	case reflect.Float32, reflect.Float64:
		return func(v reflect.Value) any { return v.Float() }
	case reflect.Pointer:
		elem := encoderFor(t.Elem())
		return func(v reflect.Value) any {
			if v.IsNil() {
				return nil
			}
			return elem(v.Elem())
		}
	case reflect.Interface:
		return func(v reflect.Value) any {
			if v.IsNil() {
				return nil
			}
			return normalize(v.Elem().Interface())
		}
	case reflect.Slice, reflect.Array:
		elem := encoderFor(t.Elem())
		return func(v reflect.Value) any {
			out := make([]any, v.Len())
			for i := range out {
				out[i] = elem(v.Index(i))
			}
			return out
		}
	case reflect.Map:
		elem := encoderFor(t.Elem())
		return func(v reflect.Value) any {
			out := make(map[string]any, v.Len())
			it := v.MapRange()
			for it.Next() {
				out[it.Key().String()] = elem(it.Value())
			}
			return out
		}
	case reflect.Struct:
		return structEncoder(t)
	}
	return func(reflect.Value) any { return nil }
}

type field struct {
	name   string
	index  []int
	enc    encoder
	ifTrue bool // a bool present only when true (inspect:"iftrue")
}

// structEncoder encodes a struct as an object keyed by the fields' json
// names. Embedded structs without a tag are flattened, as encoding/json does.
// Unlike encoding/json, omitempty is ignored: every field is always present,
// so rules never need to guard against a missing key.
func structEncoder(t reflect.Type) encoder {
	fields := structFields(t, nil)
	return func(v reflect.Value) any {
		out := make(map[string]any, len(fields))
		for _, f := range fields {
			fv := v.FieldByIndex(f.index)
			if f.ifTrue && !fv.Bool() {
				continue
			}
			out[f.name] = f.enc(fv)
		}
		return out
	}
}

func structFields(t reflect.Type, prefix []int) []field {
	var fields []field
	for i := range t.NumField() {
		sf := t.Field(i)
		index := append(append([]int(nil), prefix...), i)
		tag := sf.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
			fields = append(fields, structFields(sf.Type, index)...)
			continue
		}
		if !sf.IsExported() || !inspected(t, sf) {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		ifTrue := sf.Tag.Get("inspect") == "iftrue" && sf.Type.Kind() == reflect.Bool
		fields = append(fields, field{name: name, index: index, enc: encoderFor(sf.Type), ifTrue: ifTrue})
	}
	return fields
}

var strListType = reflect.TypeFor[[]string]()

// inspected reports whether the field sf of t is in the document: a field
// tagged inspect:"strlist" (spec.Attr's element_ranges) only in an attribute
// whose value is a list of strings.
func inspected(t reflect.Type, sf reflect.StructField) bool {
	if sf.Tag.Get("inspect") != "strlist" {
		return true
	}
	v, ok := t.FieldByName("Value")
	return ok && v.Type == strListType
}

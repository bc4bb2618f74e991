package spec

import (
	"reflect"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// KindValueAccessKey is the SecretHit kind of an access key id that only an
// evaluated value of the model shows: one assembled by an expression
// ("AKIA${...}", join() of two halves), which the scan of the source text
// cannot see. Its range is the attribute or tag whose value holds it.
const KindValueAccessKey = "evaluated_access_key_id"

// valueSecretHits records the access key ids in the evaluated values of the
// model that no hit of the source scans lies in, and adds each key to the
// texts every output masks, so that rendered documents, inspect and
// messages hide it as they hide a key written in a file. The model is
// walked once, in Go: a walk of every value in Rego cost about 18 ms per
// spec.
func (l *loader) valueSecretHits(out *Loaded) {
	scanned := slices.Clone(l.spec.Secrets)
	covered := func(r hcl.Range) bool {
		for _, h := range scanned {
			if h.Range.Filename == r.Filename && h.Range.Start.Byte >= r.Start.Byte && h.Range.End.Byte <= r.End.Byte {
				return true
			}
		}
		return false
	}
	found := func(r hcl.Range, texts ...string) {
		hit := false
		for _, s := range texts {
			if !strings.Contains(s, "AKIA") && !strings.Contains(s, "ASIA") {
				continue // most values: no copy to bytes
			}
			for _, m := range findAccessKeys([]byte(s)) {
				hit = true
				if key := s[m[0]:m[1]]; !slices.Contains(out.secrets, key) {
					out.secrets = append(out.secrets, key)
				}
			}
		}
		if hit && !covered(r) {
			l.spec.Secrets = append(l.spec.Secrets, &SecretHit{Kind: KindValueAccessKey, Range: r})
		}
	}
	walkValues(reflect.ValueOf(l.spec), found)
}

// walkValues calls found with the range and the strings of every attribute
// (an Attr of a string or a list of strings) and tag of the model.
func walkValues(v reflect.Value, found func(hcl.Range, ...string)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkValues(v.Elem(), found)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkValues(v.Index(i), found)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			walkValues(it.Value(), found)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[Tag]() && v.CanAddr() {
			t := v.Addr().Interface().(*Tag)
			found(t.Range, t.Key, t.Value)
			return
		}
		val, rng := v.FieldByName("Value"), v.FieldByName("Range")
		if val.IsValid() && rng.IsValid() && rng.Type() == reflect.TypeFor[hcl.Range]() {
			if texts := stringsOf(val); texts != nil {
				found(rng.Interface().(hcl.Range), texts...)
				return
			}
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkValues(v.Field(i), found)
			}
		}
	}
}

// stringsOf returns the strings of a string or a list of strings, else nil.
func stringsOf(v reflect.Value) []string {
	switch {
	case v.Kind() == reflect.String:
		return []string{v.String()}
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String:
		out := make([]string, 0, v.Len())
		for i := range v.Len() {
			out = append(out, v.Index(i).String())
		}
		return out
	}
	return nil
}

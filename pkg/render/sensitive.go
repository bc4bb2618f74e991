package render

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/teramot/teramotc/pkg/spec"
)

// minDerived is the length from which a sensitive value found inside a
// document's strings makes it sensitive. Shorter values (a small number,
// a two-letter code) occur in documents by chance; the documents that
// hold them as a whole value are marked where they are built.
const minDerived = 4

// markDerived marks sensitive every document whose content holds a value
// of the model derived from a sensitive variable: a bucket name from a
// sensitive variable is in the ARNs of its bucket policy, of the grants'
// identity policies and of the trails that log to it, not only in the
// attribute marked Sensitive. The manifest, which lists the paths (named
// by bucket name), is checked the same way once built.
func markDerived(s *spec.Spec, docs []*Document) {
	secrets := derivedStrings(s)
	if len(secrets) == 0 {
		return
	}
	for _, d := range docs {
		d.Sensitive = d.Sensitive || valueHolds(d.Content, secrets)
	}
}

// derivedStrings returns the strings (and integers, in decimal) of the
// attributes and tags of s marked Sensitive that are long enough to be
// looked for inside longer strings.
func derivedStrings(s *spec.Spec) []string {
	seen := map[string]bool{}
	var out []string
	var leaf func(v reflect.Value)
	leaf = func(v reflect.Value) {
		var text string
		switch v.Kind() {
		case reflect.String:
			text = v.String()
		case reflect.Int, reflect.Int64, reflect.Int32:
			text = strconv.FormatInt(v.Int(), 10)
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				leaf(v.Elem())
			}
			return
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				leaf(v.Index(i))
			}
			return
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				leaf(it.Key())
				leaf(it.Value())
			}
			return
		default:
			return
		}
		if len(text) >= minDerived && !seen[text] {
			seen[text] = true
			out = append(out, text)
		}
	}
	spec.WalkSensitive(s, leaf, nil)
	return out
}

// valueHolds reports whether a string or object key inside v contains one
// of secrets.
func valueHolds(v any, secrets []string) bool {
	switch x := v.(type) {
	case string:
		return holdsAny(x, secrets)
	case map[string]any:
		for k, e := range x {
			if holdsAny(k, secrets) || valueHolds(e, secrets) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if valueHolds(e, secrets) {
				return true
			}
		}
	case []string:
		for _, e := range x {
			if holdsAny(e, secrets) {
				return true
			}
		}
	default:
		if v != nil {
			return holdsAny(string(MarshalValue(v)), secrets)
		}
	}
	return false
}

func holdsAny(s string, secrets []string) bool {
	for _, secret := range secrets {
		if strings.Contains(s, secret) {
			return true
		}
	}
	return false
}

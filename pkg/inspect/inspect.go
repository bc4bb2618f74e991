// Package inspect builds the input document of the lint rules: the evaluated
// spec model and its rendered AWS documents, every value next to the source
// range it came from. `teramotc inspect` prints it; the Rego rules read it as
// `input`. The shape is described in docs/inspect.md and is a contract with
// user policies.
package inspect

import (
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// FormatVersion is the version of the document's shape.
const FormatVersion = "1.0"

// Redacted replaces sensitive values in printed documents.
const Redacted = spec.RedactedData

// Build returns the input document of one spec: "format_version", every
// field of spec.Spec under its json name, and "documents", the rendered
// documents with their provenance. The result holds only map[string]any,
// []any, string, bool, int and float64 values; lists are never nil. The
// document keeps sensitive values: print it through Redact.
func Build(l *spec.Loaded, out *render.Output) map[string]any {
	var doc map[string]any
	if l != nil && l.Spec != nil {
		doc = encodeStruct(l.Spec)
	} else {
		doc = encodeStruct(&spec.Spec{})
	}
	doc["format_version"] = FormatVersion
	docs := []any{}
	if out != nil {
		docs = make([]any, 0, len(out.Documents))
		for _, d := range out.Documents {
			docs = append(docs, encodeDocument(d))
		}
	}
	doc["documents"] = docs
	return doc
}

func encodeDocument(d *render.Document) map[string]any {
	prov := make(map[string]any, len(d.Provenance))
	for ptr, rng := range d.Provenance {
		prov[ptr] = Range(rng)
	}
	return map[string]any{
		"path":       d.Path,
		"kind":       string(d.Kind),
		"address":    d.Address,
		"range":      Range(d.Range),
		"content":    normalize(d.Content),
		"provenance": prov,
		"sensitive":  d.Sensitive,
	}
}

// normalize copies rendered content into the document's value set: typed
// slices and maps become []any and map[string]any, nil lists become empty.
func normalize(v any) any {
	switch x := v.(type) {
	case nil, string, bool, int, int64, float64:
		return x
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = normalize(e)
		}
		return m
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = normalize(e)
		}
		return s
	case []string:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = e
		}
		return s
	case map[string]string:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = e
		}
		return m
	default:
		return encodeReflect(x)
	}
}

// Redact returns a copy of doc in which every sensitive value is replaced by
// "(sensitive)": the "value" of an attribute object or tag and the "content"
// of a document whose "sensitive" is true, and the "key" of every tag of a
// tags object whose "sensitive_keys" is true (the whole map derives from a
// sensitive value, so its keys are secrets too: spec.Tags.KeysSensitive).
// doc itself is not modified.
func Redact(doc map[string]any) map[string]any {
	return redact(doc).(map[string]any)
}

func redact(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		sensitive, _ := x["sensitive"].(bool)
		for k, e := range x {
			if sensitive && (k == "value" || k == "content") {
				m[k] = Redacted
				continue
			}
			m[k] = redact(e)
		}
		if entries, ok := m["entries"].([]any); ok && sensitiveKeys(x, entries) {
			for _, e := range entries {
				e.(map[string]any)["key"] = Redacted
			}
		}
		return m
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = redact(e)
		}
		return s
	default:
		return x
	}
}

// sensitiveKeys reports that entries are the tags of a tags object whose
// keys are secrets (spec.Tags.SensitiveKeys) and all of them are sensitive.
func sensitiveKeys(tags map[string]any, entries []any) bool {
	if keys, _ := tags["sensitive_keys"].(bool); !keys {
		return false
	}
	for _, e := range entries {
		tag, ok := e.(map[string]any)
		if !ok {
			return false
		}
		_, hasKey := tag["key"].(string)
		if sensitive, _ := tag["sensitive"].(bool); !hasKey || !sensitive {
			return false
		}
	}
	return len(entries) > 0
}

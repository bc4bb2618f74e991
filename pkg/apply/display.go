package apply

import (
	"maps"
	"slices"
	"strings"
)

// Display returns v, the Before or After of a change of resource type typ
// (the canonical form the differ compares, normally already masked by
// Plan.Redacted), in the shape and with the field names of the document
// `teramotc render` writes for it: a lifecycle rule's AbortDays is shown
// as AbortIncompleteMultipartUpload.DaysAfterInitiation, tags as a TagSet
// of Key/Value pairs, a policy's condition keys in their documented
// spelling (aws:SecureTransport). Plans print it; they never compare it.
//
// Display only moves values and adds fixed field names: every value of v
// (a masked "(sensitive)" included) appears in the result, and no value
// that is not in v does. A field it does not know is kept as it is, so a
// difference never disappears from the display. v is not modified.
func Display(typ string, v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v // nil, or hidden whole ("(sensitive)")
	}
	switch typ {
	case TOwnership:
		return wrapRule(m, "ObjectOwnership")
	case TEncryption:
		return displayEncryption(m)
	case TTagging:
		return displayTagging(m)
	case TLifecycle:
		return displayLifecycle(m)
	case TLogging:
		return displayLogging(m)
	case TBucketPolicy:
		return displayPolicy(m)
	case TIAMRole:
		return withPolicy(m, "AssumeRolePolicyDocument")
	case TManagedPolicy:
		return withPolicy(m, "PolicyDocument")
	}
	return m
}

// wrapRule moves the fields keys of m into {"Rules": [{...}]}, the shape
// of ownership-controls.json and encryption.json.
func wrapRule(m map[string]any, keys ...string) map[string]any {
	out, rule := map[string]any{}, map[string]any{}
	for k, e := range m {
		out[k] = e
	}
	for _, k := range keys {
		if e, ok := m[k]; ok {
			rule[k] = e
			delete(out, k)
		}
	}
	if len(rule) == 0 || hasKey(out, "Rules") {
		return m
	}
	out["Rules"] = []any{rule}
	return out
}

func displayEncryption(m map[string]any) any {
	def := map[string]any{}
	rest := map[string]any{}
	for k, e := range m {
		switch k {
		case "SSEAlgorithm", "KMSMasterKeyID":
			def[k] = e
		default:
			rest[k] = e
		}
	}
	if len(def) > 0 && !hasKey(rest, "ApplyServerSideEncryptionByDefault") {
		rest["ApplyServerSideEncryptionByDefault"] = def
	} else {
		for k, e := range def {
			rest[k] = e
		}
	}
	keys := []string{"ApplyServerSideEncryptionByDefault", "BucketKeyEnabled"}
	return wrapRule(rest, keys...)
}

func displayTagging(m map[string]any) any {
	tags, ok := m["Tags"].(map[string]any)
	if !ok || hasKey(m, "TagSet") {
		return m
	}
	out := withoutKeys(m, "Tags")
	set := make([]any, 0, len(tags))
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		set = append(set, map[string]any{"Key": k, "Value": tags[k]})
	}
	out["TagSet"] = set
	return out
}

func displayLogging(m map[string]any) any {
	if hasKey(m, "LoggingEnabled") {
		return m
	}
	out, le := map[string]any{}, map[string]any{}
	for k, e := range m {
		if k == "TargetBucket" || k == "TargetPrefix" {
			le[k] = e
		} else {
			out[k] = e
		}
	}
	if len(le) > 0 {
		out["LoggingEnabled"] = le
	}
	return out
}

// lifecycleFields maps the canonical fields of a lifecycle rule to their
// place in lifecycle.json (normalize.go's canonLifecycle reversed).
var lifecycleFields = map[string][2]string{
	"Prefix":                    {"Filter", "Prefix"},
	"ExpirationDays":            {"Expiration", "Days"},
	"ExpirationDate":            {"Expiration", "Date"},
	"ExpiredObjectDeleteMarker": {"Expiration", "ExpiredObjectDeleteMarker"},
	"NoncurrentDays":            {"NoncurrentVersionExpiration", "NoncurrentDays"},
	"NewerNoncurrentVersions":   {"NoncurrentVersionExpiration", "NewerNoncurrentVersions"},
	"AbortDays":                 {"AbortIncompleteMultipartUpload", "DaysAfterInitiation"},
	"NoncurrentTransitions":     {"NoncurrentVersionTransitions", ""},
}

func displayLifecycle(m map[string]any) any {
	rules, ok := m["Rules"].([]any)
	if !ok {
		return m
	}
	out := withoutKeys(m)
	list := make([]any, len(rules))
	for i, r := range rules {
		list[i] = displayRule(r)
	}
	out["Rules"] = list
	return out
}

func displayRule(r any) any {
	rule, ok := r.(map[string]any)
	if !ok {
		return r
	}
	out := map[string]any{}
	moved := map[string]any{} // canonical key -> value, placed below
	for k, e := range rule {
		_, known := lifecycleFields[k]
		if known || (strings.HasPrefix(k, "Filter") && len(k) > len("Filter")) {
			moved[k] = e
			continue
		}
		out[k] = e
	}
	for _, k := range slices.Sorted(maps.Keys(moved)) {
		parent, field := "Filter", strings.TrimPrefix(k, "Filter")
		if f, ok := lifecycleFields[k]; ok {
			parent, field = f[0], f[1]
		}
		if !place(out, parent, field, moved[k]) {
			out[k] = moved[k] // the place is taken (a crafted plan file): keep the field as it is
		}
	}
	return out
}

// place sets out[parent][field] = v (out[parent] = v when field is ""),
// creating the parent object; false when that place is already taken.
func place(out map[string]any, parent, field string, v any) bool {
	if field == "" {
		if hasKey(out, parent) {
			return false
		}
		out[parent] = v
		return true
	}
	p, exists := out[parent]
	if !exists {
		out[parent] = map[string]any{field: v}
		return true
	}
	pm, ok := p.(map[string]any)
	if !ok || hasKey(pm, field) {
		return false
	}
	pm = maps.Clone(pm) // the parent may be the input's own object: never write into it
	pm[field] = v
	out[parent] = pm
	return true
}

func withPolicy(m map[string]any, key string) any {
	doc, ok := m[key].(map[string]any)
	if !ok {
		return m
	}
	out := withoutKeys(m)
	out[key] = displayPolicy(doc)
	return out
}

// displayPolicy spells the condition keys of a canonical policy (lower
// case there, as IAM compares them) as AWS documents them.
func displayPolicy(p map[string]any) any {
	stmts, ok := p["Statement"].([]any)
	if !ok {
		return p
	}
	out := withoutKeys(p)
	list := make([]any, len(stmts))
	for i, s := range stmts {
		list[i] = s
		st, ok := s.(map[string]any)
		if !ok {
			continue
		}
		cond, ok := st["Condition"].(map[string]any)
		if !ok {
			continue
		}
		cs := withoutKeys(st)
		cc := make(map[string]any, len(cond))
		for op, keys := range cond {
			cc[op] = spellConditionKeys(keys)
		}
		cs["Condition"] = cc
		list[i] = cs
	}
	out["Statement"] = list
	return out
}

func spellConditionKeys(v any) any {
	keys, ok := v.(map[string]any)
	if !ok {
		return v
	}
	out := make(map[string]any, len(keys))
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		s := conditionKeySpelling(k)
		if hasKey(out, s) || (s != k && hasKey(keys, s)) {
			s = k // two spellings of one key (a crafted plan file): keep both as they are
		}
		out[s] = keys[k]
	}
	return out
}

func hasKey(m map[string]any, k string) bool {
	_, ok := m[k]
	return ok
}

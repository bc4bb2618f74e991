package inspect

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestRedactTagKeys checks that inspect masks the keys of a tags map from a
// sensitive value (its keys are secrets too: SensitiveKeys) in the
// documented shape {key, value, range, sensitive}, and keeps the keys of a
// map written in the spec, also when all its values are sensitive.
func TestRedactTagKeys(t *testing.T) {
	tests := []struct {
		name    string
		entries []*spec.Tag
		keys    bool             // Tags.SensitiveKeys
		want    []map[string]any // key and value of each entry after Redact
	}{
		{name: "whole map sensitive",
			entries: []*spec.Tag{{Key: "secretkeyzz", Value: "v1", Sensitive: true}, {Key: "other", Value: "v2", Sensitive: true}},
			keys:    true,
			want:    []map[string]any{{"key": Redacted, "value": Redacted}, {"key": Redacted, "value": Redacted}}},
		{name: "written keys, every value sensitive",
			entries: []*spec.Tag{{Key: "secret", Value: "v1", Sensitive: true}},
			want:    []map[string]any{{"key": "secret", "value": Redacted}}},
		{name: "one sensitive value",
			entries: []*spec.Tag{{Key: "owner", Value: "v1", Sensitive: true}, {Key: "team", Value: "data"}},
			want:    []map[string]any{{"key": "owner", "value": Redacted}, {"key": "team", "value": "data"}}},
		{name: "nothing sensitive",
			entries: []*spec.Tag{{Key: "team", Value: "data"}},
			want:    []map[string]any{{"key": "team", "value": "data"}}},
		{name: "no tags", entries: []*spec.Tag{}, want: []map[string]any{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &spec.Loaded{Spec: &spec.Spec{Buckets: []*spec.Bucket{{
				Label: "b", Tags: spec.Tags{Set: true, Entries: tt.entries, SensitiveKeys: tt.keys},
			}}}}
			doc := Build(l, nil)
			tagsOf := func(doc map[string]any) []any {
				return doc["buckets"].([]any)[0].(map[string]any)["tags"].(map[string]any)["entries"].([]any)
			}
			got := []map[string]any{}
			for _, e := range tagsOf(Redact(doc)) {
				m := e.(map[string]any)
				if _, ok := m["range"]; !ok {
					t.Errorf("entry lost its range: %v", m)
				}
				got = append(got, map[string]any{"key": m["key"], "value": m["value"]})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("redacted tags (-want +got):\n%s", diff)
			}
			for i, e := range tagsOf(doc) {
				if k := e.(map[string]any)["key"]; k != tt.entries[i].Key {
					t.Errorf("Redact modified its input: key %v", k)
				}
			}
		})
	}
}

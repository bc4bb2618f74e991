package view

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/pkg/render"
)

// TestWriteDocuments: render -o - is one versioned JSON object, its
// format_version first, then the documents keyed by path, sensitive ones
// redacted.
func TestWriteDocuments(t *testing.T) {
	for _, tc := range []struct {
		name   string
		docs   []*render.Document
		redact func(string) string
		want   map[string]any
	}{
		{"documents", []*render.Document{
			{Path: "buckets/b/versioning.json", Content: map[string]any{"Status": "Enabled"}},
			{Path: "grants/g/trust-policy.json", Content: map[string]any{"Secret": "s3cr3t"}, Sensitive: true},
			{Path: "manifest.json", Content: map[string]any{"format_version": 1, "files": []any{}}},
		}, nil, map[string]any{
			"format_version":             "1.0",
			"buckets/b/versioning.json":  map[string]any{"Status": "Enabled"},
			"grants/g/trust-policy.json": "(sensitive)",
			"manifest.json":              map[string]any{"format_version": 1.0, "files": []any{}},
		}},
		{"none", nil, nil, map[string]any{"format_version": "1.0"}},
		// Two buckets named by sensitive variables: their paths are
		// redacted (and kept apart), and so is a value left in a document.
		{"sensitive names", []*render.Document{
			{Path: "buckets/s3cr3t-a/logging.json", Content: map[string]any{"TargetBucket": "s3cr3t-b"}},
			{Path: "buckets/s3cr3t-a/versioning.json", Content: []string{"s3cr3t-a"}},
			{Path: "buckets/s3cr3t-b/versioning.json", Content: map[string]any{"Status": "Enabled"}},
		}, func(s string) string {
			return strings.NewReplacer("s3cr3t-a", "(sensitive value)", "s3cr3t-b", "(sensitive value)").Replace(s)
		}, map[string]any{
			"format_version":                                "1.0",
			"buckets/(sensitive value)/logging.json":        map[string]any{"TargetBucket": "(sensitive value)"},
			"buckets/(sensitive value)/versioning.json":     []any{"(sensitive value)"},
			"buckets/(sensitive value)/versioning.json (2)": map[string]any{"Status": "Enabled"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteDocuments(&b, &render.Output{Documents: tc.docs}, tc.redact); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if !strings.HasPrefix(out, "{\n  \"format_version\": \"1.0\"") || !strings.HasSuffix(out, "\n}\n") {
				t.Errorf("format_version is not the first key, or the object is not indented:\n%s", out)
			}
			var got map[string]any
			if err := json.Unmarshal(b.Bytes(), &got); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if strings.Contains(out, "s3cr3t") {
				t.Errorf("sensitive document printed:\n%s", out)
			}
		})
	}
}

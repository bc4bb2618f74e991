package view

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/render"
)

// TestWriteRenderedNamesSensitiveDirs checks that the note of `render -o
// DIR` names, redacted, each directory whose name holds a sensitive value,
// once, and never the value.
func TestWriteRenderedNamesSensitiveDirs(t *testing.T) {
	out := &render.Output{Documents: []*render.Document{
		{Path: "buckets/plain-logs/versioning.json"},
		{Path: "buckets/secret-name/bucket-policy.json", Sensitive: true},
		{Path: "buckets/secret-name/versioning.json"},
		{Path: "manifest.json", Sensitive: true},
	}}
	redact := func(s string) string { return strings.ReplaceAll(s, "secret-name", "(sensitive value)") }
	tests := []struct {
		name   string
		redact func(string) string
		want   []string // lines after "Rendered ..."
	}{
		{"sensitive name", redact, []string{
			"2 files hold sensitive values and were written with mode 0600; do not commit them.",
			"The name of the directory " + filepath.Join("out", "buckets", "(sensitive value)") + " shows a sensitive value: do not commit it or any file in it.",
		}},
		{"no redaction", nil, []string{
			"2 files hold sensitive values and were written with mode 0600; do not commit them.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			WriteRendered(&b, "out", out, tt.redact)
			lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
			if lines[0] != "Rendered 4 files to out." {
				t.Errorf("first line %q", lines[0])
			}
			if got := strings.Join(lines[1:], "\n"); got != strings.Join(tt.want, "\n") {
				t.Errorf("note:\n%s\nwant:\n%s", got, strings.Join(tt.want, "\n"))
			}
			if strings.Contains(b.String(), "secret-name") && tt.redact != nil {
				t.Errorf("the note shows the sensitive name:\n%s", b.String())
			}
		})
	}
}

package view

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/render"
)

// TestStaleDiff checks what render -check -diff shows of each kind of
// stale file, and that no sensitive or removed content ever appears.
func TestStaleDiff(t *testing.T) {
	doc := &render.Document{Path: "a.json", Content: map[string]any{"k": "new"}}
	secret := &render.Document{Path: "s.json", Content: map[string]any{"k": "hush"}, Sensitive: true}
	tests := []struct {
		name    string
		doc     *render.Document
		old     []byte
		readErr error
		want    []string
		not     string
	}{
		{"changed", doc, []byte("{\"k\": \"old\"}\n"), nil, []string{"--- a.json (on disk)", "+++ a.json (rendered)", `-{"k": "old"}`, `+  "k": "new"`}, ""},
		{"missing on disk", doc, nil, fs.ErrNotExist, []string{"+++ a.json (rendered)", `+  "k": "new"`}, "cannot read"},
		{"unreadable", doc, nil, errors.New("permission denied"), []string{"--- a.json\n(cannot read: permission denied)\n"}, "new"},
		{"removed", nil, []byte("old content"), nil, []string{"--- a.json\n(no longer rendered: the file would be removed)\n"}, "old content"},
		{"sensitive", secret, []byte("old secret"), nil, []string{"--- a.json\n+++ a.json\n(sensitive content not shown)\n"}, "hush"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(StaleDiff("a.json", tt.doc, tt.old, tt.readErr))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in:\n%s", w, got)
				}
			}
			if tt.not != "" && strings.Contains(got, tt.not) {
				t.Errorf("unexpected %q in:\n%s", tt.not, got)
			}
		})
	}
}

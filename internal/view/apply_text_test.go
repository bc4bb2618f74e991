package view

import (
	"bytes"
	"testing"
)

// TestWriteApplyComplete checks the end of a text apply, with and without
// changes the endpoint skipped.
func TestWriteApplyComplete(t *testing.T) {
	tests := []struct {
		name           string
		skipped        []string
		added, changed int
		want           string
	}{
		{"nothing to do", nil, 0, 0, "\nApply complete! Resources: 0 added, 0 changed, 0 destroyed.\n"},
		{"changes", nil, 2, 1, "\nApply complete! Resources: 2 added, 1 changed, 0 destroyed.\n"},
		{"skipped", []string{"bucket/a logging", "trail/t"}, 1, 0,
			"\nSkipped (not supported by the endpoint): bucket/a logging, trail/t\n\nApply complete! Resources: 1 added, 0 changed, 0 destroyed.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if code := WriteApplyComplete(&b, tt.skipped, tt.added, tt.changed); code != ExitOK {
				t.Errorf("exit code %d, want %d", code, ExitOK)
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
}

// TestWriteAccessKeyFiles checks that each key file is named on its own
// line and that no file means no output.
func TestWriteAccessKeyFiles(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		want  string
	}{
		{"none", nil, ""},
		{"two", []string{"a.access-key.json", "b.access-key.json"},
			"Access key written to a.access-key.json (mode 0600); the secret is not printed anywhere else.\n" +
				"Access key written to b.access-key.json (mode 0600); the secret is not printed anywhere else.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			WriteAccessKeyFiles(&b, tt.files)
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
}

package view

import (
	"bytes"
	"testing"
)

// TestWriteVersion checks both forms of "teramotc version".
func TestWriteVersion(t *testing.T) {
	info := VersionInfo{FormatVersion: "1.0", Version: "0.2.0", Go: "go1.26.0", OPA: "1.4.2", Platform: "linux/amd64"}
	tests := []struct {
		name   string
		asJSON bool
		want   string
	}{
		{"text", false, "teramotc v0.2.0\non linux/amd64, built with go1.26.0, OPA 1.4.2\n"},
		{"json", true, `{
  "format_version": "1.0",
  "version": "0.2.0",
  "go": "go1.26.0",
  "opa": "1.4.2",
  "platform": "linux/amd64"
}
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if code := WriteVersion(&b, info, tt.asJSON); code != ExitOK {
				t.Errorf("exit code %d, want %d", code, ExitOK)
			}
			if b.String() != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", b.String(), tt.want)
			}
		})
	}
}

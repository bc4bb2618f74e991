package spec

import (
	"strings"
	"testing"
)

// TestFormat checks that Format aligns a source, leaves a formatted one
// as it is, and refuses a syntax error and a source past the limits.
func TestFormat(t *testing.T) {
	tests := []struct {
		name, src, want string
		wantErr         bool
	}{
		{"aligns", "a = 1\nbcd = 2\n", "a   = 1\nbcd = 2\n", false},
		{"already formatted", "bucket \"b\" {\n  name = \"x\"\n}\n", "bucket \"b\" {\n  name = \"x\"\n}\n", false},
		{"syntax error", "bucket \"b\" {\n", "", true},
		{"too deep", strings.Repeat("[", 10000) + strings.Repeat("]", 10000), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := Format("f.hcl", []byte(tt.src))
			if diags.HasErrors() != tt.wantErr {
				t.Fatalf("errors %v, want errors: %v", diags, tt.wantErr)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

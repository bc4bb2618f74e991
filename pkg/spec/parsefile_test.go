package spec

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseHCLFileLimits(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, src, want string }{
		{"ok", "rule \"TMC101\" {\n  enabled = false\n}\n", ""},
		{"nested", strings.Repeat("a {\n", 100000) + strings.Repeat("}\n", 100000), "Nesting too deep"},
		{"large", "x = 1\n" + strings.Repeat("#", MaxFileSize), "File too large"},
		{"binary", "\x00\x01\x02", "Binary file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(dir, tc.name+".hcl")
			if err := os.WriteFile(file, []byte(tc.src), 0o644); err != nil {
				t.Fatal(err)
			}
			f, diags := ParseHCLFile(file)
			if tc.want == "" {
				if diags.HasErrors() || f == nil {
					t.Fatalf("errors: %s", diags.Error())
				}
				return
			}
			if !diags.HasErrors() || !strings.Contains(diags.Error(), tc.want) {
				t.Fatalf("got %v, want an error %q", diags, tc.want)
			}
		})
	}
}

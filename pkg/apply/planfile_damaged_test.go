package apply

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDamagedPlanFile(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content string
		want          string // substring of the error; "" for nil
	}{
		{"truncated plan", `{"format_version":"2.0","plan":{"changes":[{"type":"bu`, "is damaged: it is not complete JSON (it ends after 54 bytes)"},
		{"garbage after brace", "{ x }", "invalid at byte 3"},
		{"JSON without a plan", ` {"a": 1}`, ""},
		{"HCL spec", "bucket \"b\" {\n  name = \"x\"\n}\n", ""},
		{"empty file", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_"))
			if err := os.WriteFile(p, []byte(tc.content), 0o600); err != nil {
				t.Fatal(err)
			}
			err := DamagedPlanFile(p)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("want nil, got %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("want an error saying %q, got %v", tc.want, err)
			}
		})
	}
	if err := DamagedPlanFile(dir); err != nil {
		t.Errorf("a directory is a spec, not a damaged plan: %v", err)
	}
}

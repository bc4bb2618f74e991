package apply

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Apply plans again only from what plan takes, a directory or a .hcl file
// (review sec2 F3: a plan file edited to name a .env had its lines quoted
// in diagnostics); anything else is refused without reading it.
func TestPlanFileSpecPath(t *testing.T) {
	dir := t.TempDir()
	const secret = "DB_PASSWORD = \"hunter2-prod-pw-zz\"\n"
	for name, content := range map[string]string{"main.hcl": "bucket \"b\" {}\n", "dotenv": secret, "notes.hcl.txt": secret} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{"env.hcl": "dotenv", "dir.hcl": ".", "good-link.hcl": "main.hcl"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, spec, err string // err "" when accepted
	}{
		{"directory", dir, ""},
		{"hcl file", filepath.Join(dir, "main.hcl"), ""},
		{"link to a hcl file", filepath.Join(dir, "good-link.hcl"), ""},
		{"link named .hcl to a directory", filepath.Join(dir, "dir.hcl"), ""},
		{"dotenv (the repro)", filepath.Join(dir, "dotenv"), "which is neither a directory nor a .hcl file"},
		{"another extension", filepath.Join(dir, "notes.hcl.txt"), "which is neither a directory nor a .hcl file"},
		{"link named .hcl to a dotenv", filepath.Join(dir, "env.hcl"), "which is neither a directory nor a .hcl file"},
		{"device", os.DevNull, "which is neither a directory nor a .hcl file"},
		{"missing", filepath.Join(dir, "gone"), "which cannot be read: no such file or directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := (&SavedPlan{Spec: tc.spec}).SpecPath("p.json")
			if tc.err == "" {
				if err != nil || got != tc.spec {
					t.Fatalf("SpecPath = %q, %v; want %q", got, err, tc.spec)
				}
				return
			}
			var p *Problem
			if !errors.As(err, &p) || !strings.Contains(p.Summary, tc.err) || !strings.HasPrefix(p.Summary, "plan file p.json ") {
				t.Fatalf("err = %v, want a *Problem saying %q", err, tc.err)
			}
			if got != "" || strings.Contains(p.Summary+p.Detail, "hunter2") {
				t.Errorf("SpecPath = %q, %s", got, p.Summary+p.Detail)
			}
		})
	}
}

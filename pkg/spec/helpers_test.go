package spec

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// writeSpec writes files (name -> content) into a fresh directory.
func writeSpec(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// mustLoad loads a spec that must have no error diagnostics.
func mustLoad(t *testing.T, path string, opts Options) *Spec {
	t.Helper()
	loaded, diags := Load(path, opts)
	if diags.HasErrors() || loaded.Spec == nil {
		t.Fatalf("Load: unexpected errors:\n%s", diagText(diags))
	}
	return loaded.Spec
}

// summaries lists the summaries of the error diagnostics.
func summaries(diags hcl.Diagnostics) []string {
	out := []string{}
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			out = append(out, d.Summary)
		}
	}
	return out
}

const minimalBucket = `
bucket "data" {
  name   = "teramot-test-data"
  region = "us-east-1"
}
`

package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/spec"
)

// loadFiles writes files (name to content) to a new directory, loads it as a
// spec and renders it.
func loadFiles(t *testing.T, files map[string]string) *Output {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	l, diags := spec.Load(dir, spec.Options{})
	if diags.HasErrors() || l.Spec == nil {
		t.Fatalf("load: %s", diags.Error())
	}
	return mustRender(t, l.Spec)
}

const sensitiveNameSpec = `
variable "bn" {
  type      = string
  sensitive = %s
  default   = "secret-bucket-name"
}

bucket "data" {
  name   = var.bn
  region = "us-east-1"
}

bucket "logs" {
  name   = "teramot-logs-plain"
  region = "us-east-1"
}
`

// TestDerivedSensitiveDocuments: a bucket name from a sensitive variable
// is in the ARNs of its bucket policy and in the manifest's paths, though
// no attribute of those documents is marked sensitive: both are sensitive
// documents (redacted when printed, written 0600). Documents without the
// name stay plain, and the same spec without "sensitive" marks nothing.
func TestDerivedSensitiveDocuments(t *testing.T) {
	for _, tc := range []struct {
		sensitive string
		want      []string
	}{
		{"true", []string{"buckets/secret-bucket-name/bucket-policy.json", "manifest.json"}},
		{"false", nil},
	} {
		t.Run("sensitive="+tc.sensitive, func(t *testing.T) {
			out := loadFiles(t, map[string]string{"main.hcl": strings.Replace(sensitiveNameSpec, "%s", tc.sensitive, 1)})
			var got []string
			for _, d := range out.Documents {
				if d.Sensitive {
					got = append(got, d.Path)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("sensitive documents = %q, want %q", got, tc.want)
			}
			dir := t.TempDir()
			if err := Write(out, dir); err != nil {
				t.Fatal(err)
			}
			for _, d := range out.Documents {
				info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(d.Path)))
				if err != nil {
					t.Fatal(err)
				}
				holds := strings.Contains(string(Marshal(d)), "secret-bucket-name")
				if holds && tc.sensitive == "true" && info.Mode().Perm() != 0o600 {
					t.Errorf("%s holds the sensitive name with mode %v, want 0600", d.Path, info.Mode().Perm())
				}
			}
		})
	}
}

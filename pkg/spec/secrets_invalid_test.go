package spec

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSecretsInInvalidFilesMasked: a spec or -var-file with a syntax error
// is scanned for keys too; its key is masked in the bytes the diagnostic's
// snippet is printed from.
func TestSecretsInInvalidFilesMasked(t *testing.T) {
	const (
		keyID  = "AKIAIOSFODNN7EXAMPLE"
		secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE8"
	)
	valid := "bucket \"data\" {\n  name   = \"acme-shared-data\"\n  region = \"us-east-1\"\n}\n"
	tests := []struct {
		name  string
		files map[string]string
		vars  string // a var file of files
	}{
		{"spec with a syntax error", map[string]string{
			"main.hcl": "bucket \"data\" {\n name = \"acme-shared-data\"\n region = \"us-east-1\"\n secret_key = \"" + secret + "\" ,\n}\n",
		}, ""},
		{"key id in a spec with a syntax error", map[string]string{
			"main.hcl": "bucket \"data\" {\n name = \"" + keyID + "\" ,\n}\n",
		}, ""},
		{"var file with a syntax error", map[string]string{
			"main.hcl":   valid,
			"bad.tfvars": "aws_secret_access_key = \"" + secret + "\" ,\nowner = \"" + keyID + "\"\n",
		}, "bad.tfvars"},
		{"json var file with a syntax error", map[string]string{
			"main.hcl":        valid,
			"bad.tfvars.json": `{"aws_secret_access_key": "` + secret + `",, "id": "` + keyID + `"}`,
		}, "bad.tfvars.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeSpec(t, tt.files)
			var opts Options
			if tt.vars != "" {
				opts.VarFiles = []string{filepath.Join(dir, tt.vars)}
			}
			loaded, diags := Load(dir, opts)
			if !diags.HasErrors() {
				t.Fatal("want a syntax error")
			}
			snippet := false
			for _, d := range diags {
				if d.Subject == nil {
					continue
				}
				f := loaded.Files[d.Subject.Filename]
				if f == nil {
					continue
				}
				snippet = true
				for _, k := range []string{keyID, secret} {
					if strings.Contains(string(f.Bytes), k) {
						t.Errorf("%s, which a snippet is printed from, holds %s:\n%s", d.Subject.Filename, k, f.Bytes)
					}
				}
			}
			if !snippet {
				t.Errorf("no diagnostic points into a file: %s", diagText(diags))
			}
			if text := diagText(diags); strings.Contains(text, keyID) || strings.Contains(text, secret) {
				t.Errorf("diagnostics hold a key:\n%s", text)
			}
		})
	}
}

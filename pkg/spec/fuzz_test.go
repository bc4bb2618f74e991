package spec

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzLoad feeds arbitrary bytes to Load as a one-file spec: it must never
// panic, and every diagnostic must name the file.
func FuzzLoad(f *testing.F) {
	for _, pattern := range []string{
		"testdata/errors/*.hcl", "testdata/malformed/*.hcl", "../../examples/*/*.hcl",
	} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file := filepath.Join(t.TempDir(), "main.hcl")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		loaded, diags := Load(file, Options{})
		if d := time.Since(start); d > 3*time.Second {
			t.Fatalf("Load took %v", d)
		}
		if loaded == nil {
			t.Fatal("nil *Loaded")
		}
		for _, d := range diags {
			if d.Subject == nil || d.Subject.Filename != file {
				t.Fatalf("diagnostic %q (%s) does not name the file", d.Summary, d.Detail)
			}
		}
		if diags.HasErrors() == (loaded.Spec != nil) && !onlyRuleErrors(diags) {
			t.Fatalf("Spec = %v with errors %v", loaded.Spec != nil, diags.HasErrors())
		}
	})
}

// FuzzVarFile feeds arbitrary bytes to Load as a -var-file of the
// setup-guide-role example.
func FuzzVarFile(f *testing.F) {
	f.Add([]byte(`region = "eu-west-1"` + "\n" + `external_id = "tmc-0123456789abcdef"`))
	f.Add([]byte(`company = ["not", "a", "string"]`))
	f.Add([]byte(`regoin = "x"`))
	f.Add([]byte(`external_id = ["s3cr3t", "not a string"]`)) // sensitive: never quoted
	f.Add([]byte(`aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"`))
	f.Add([]byte("bucket \"x\" {}\n"))
	spec := filepath.Join("..", "..", "examples", "setup-guide-role")
	f.Fuzz(func(t *testing.T, data []byte) {
		file := filepath.Join(t.TempDir(), "vars.tfvars")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		loaded, diags := Load(spec, Options{VarFiles: []string{file}})
		if loaded == nil {
			t.Fatal("nil *Loaded")
		}
		for _, d := range diags {
			if d.Subject == nil {
				t.Fatalf("diagnostic %q (%s) has no subject", d.Summary, d.Detail)
			}
		}
	})
}

// BenchmarkLoad measures parsing, evaluating and validating the
// setup-guide-role example.
func BenchmarkLoad(b *testing.B) {
	path := filepath.Join("..", "..", "examples", "setup-guide-role")
	b.ReportAllocs()
	for b.Loop() {
		if _, diags := Load(path, Options{}); diags.HasErrors() {
			b.Fatal(diags.Error())
		}
	}
}

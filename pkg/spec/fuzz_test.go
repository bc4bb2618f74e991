package spec

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// FuzzLoad feeds arbitrary bytes to Load as a one-file spec: it must never
// panic, every diagnostic must name the file, and the spec comes back
// exactly when every error is a rule's (a lint finding).
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
		if (loaded.Spec != nil) != onlyRuleErrors(diags) {
			t.Fatalf("Spec = %v with only rule errors %v: %s", loaded.Spec != nil, onlyRuleErrors(diags), diags.Error())
		}
	})
}

// FuzzVarFile feeds arbitrary bytes to Load as a -var-file of the
// setup-guide-role example: every diagnostic has a subject, and a string of
// 4 or more characters given to the sensitive external_id never appears in
// a diagnostic (unless it is text the diagnostic has anyway: the same
// diagnostics for a value of as many q's still hold it).
func FuzzVarFile(f *testing.F) {
	f.Add([]byte(`region = "eu-west-1"` + "\n" + `external_id = "tmc-0123456789abcdef"`))
	f.Add([]byte(`company = ["not", "a", "string"]`))
	f.Add([]byte(`regoin = "x"`))
	f.Add([]byte(`external_id = ["s3cr3t", "not a string"]`)) // sensitive: never quoted
	f.Add([]byte(`aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"`))
	f.Add([]byte("bucket \"x\" {}\n"))
	f.Add([]byte(`external_id = "s3cr3t-in-a-typo"` + "\n" + `externl_id = "s3cr3t-in-a-typo"`))
	f.Add([]byte(`external_id = "your-unique-external-id"`))
	f.Add([]byte(`external_id = "bad id with spaces and \u202e"`))
	f.Add([]byte(`external_id = "x"` + "\n" + `external_id = "duplicate-s3cr3t"`))
	f.Add([]byte(`external_id = "s3cr3t-${"joined"}"`))
	spec := filepath.Join("..", "..", "examples", "setup-guide-role")
	load := func(t *testing.T, data []byte) hcl.Diagnostics {
		file := filepath.Join(t.TempDir(), "vars.tfvars")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		loaded, diags := Load(spec, Options{VarFiles: []string{file}})
		if loaded == nil {
			t.Fatal("nil *Loaded")
		}
		return diags
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		diags := load(t, data)
		for _, d := range diags {
			if d.Subject == nil {
				t.Fatalf("diagnostic %q (%s) has no subject", d.Summary, d.Detail)
			}
		}
		secret, rng := sensitiveLiteral(data)
		if utf8.RuneCountInString(secret) < 4 || !quotes(diags, secret) {
			return
		}
		fill := "q"
		if strings.Trim(secret, "q") == "" {
			fill = "z"
		}
		other := slices.Concat(data[:rng.Start.Byte], []byte(strconv.Quote(strings.Repeat(fill, utf8.RuneCountInString(secret)))), data[rng.End.Byte:])
		if !quotes(load(t, other), secret) {
			t.Fatalf("the value of the sensitive external_id is in a diagnostic: %s", diags.Error())
		}
	})
}

// sensitiveLiteral returns the string a var file assigns to external_id
// without references, and the range of its expression.
func sensitiveLiteral(data []byte) (string, hcl.Range) {
	file, _ := hclsyntax.ParseConfig(data, "vars.tfvars", hcl.InitialPos)
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok || body.Attributes["external_id"] == nil {
		return "", hcl.Range{}
	}
	expr := body.Attributes["external_id"].Expr
	v, diags := expr.Value(nil)
	if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() || v.Type() != cty.String {
		return "", hcl.Range{}
	}
	return v.AsString(), expr.Range()
}

// quotes reports whether a summary or detail of diags holds s.
func quotes(diags hcl.Diagnostics, s string) bool {
	for _, d := range diags {
		if strings.Contains(d.Summary, s) || strings.Contains(d.Detail, s) {
			return true
		}
	}
	return false
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

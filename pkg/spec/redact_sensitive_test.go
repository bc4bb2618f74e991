package spec

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// sensitiveSpec is a spec with one variable block (its body given) and a
// bucket whose lifecycle rule's expiration_days is expr (line 11).
func sensitiveSpec(varBody, expr string) string {
	return `variable "x" {
` + varBody + `
}
locals {
  y = "id-${var.x}"
}
bucket "b" {
  name   = "teramot-sens-test"
  region = "us-east-1"
  lifecycle_rule "r" { expiration_days = ` + expr + ` }
}
`
}

func TestSensitiveValuesHiddenInDiagnostics(t *testing.T) {
	const secret = "s3cr3tZZ"
	sensDefault := "  sensitive = true\n  default   = \"" + secret + "\""
	tooLong := "  validation {\n    condition     = strlen(var.x) < 5\n    error_message = \"Too long.\"\n  }"
	tests := []struct {
		name       string
		varBody    string
		expr       string
		opts       func(dir string) Options
		varFile    string   // written as vars.tfvars when set
		hidden     []string // texts no diagnostic may hold
		wantDetail string   // a diagnostic's detail holds this
	}{
		{name: "tonumber of default", varBody: sensDefault, expr: "tonumber(var.x)",
			hidden: []string{secret}, wantDetail: `Invalid value for "v" parameter: cannot convert (sensitive value) to number`},
		{name: "tonumber of -var", varBody: "  sensitive = true", expr: "tonumber(var.x)",
			opts:   func(string) Options { return Options{Vars: []string{"x=" + secret}} },
			hidden: []string{secret}, wantDetail: "cannot convert (sensitive value) to number"},
		{name: "tonumber of environment", varBody: "  sensitive = true", expr: "tonumber(var.x)",
			opts:   func(string) Options { return Options{Environ: []string{EnvPrefix + "x=" + secret}} },
			hidden: []string{secret}, wantDetail: "cannot convert (sensitive value) to number"},
		{name: "tonumber of -var-file", varBody: "  sensitive = true", expr: "tonumber(var.x)",
			varFile: `x = "` + secret + `"`,
			opts:    func(dir string) Options { return Options{VarFiles: []string{filepath.Join(dir, "vars.tfvars")}} },
			hidden:  []string{secret}, wantDetail: "cannot convert (sensitive value) to number"},
		{name: "-var overrides a sensitive default", varBody: sensDefault, expr: "tonumber(var.x)",
			opts:   func(string) Options { return Options{Vars: []string{"x=other-" + secret}} },
			hidden: []string{"other-" + secret}, wantDetail: "cannot convert (sensitive value) to number"},
		{name: "tobool", varBody: sensDefault, expr: "tobool(var.x) ? 1 : 2",
			hidden: []string{secret}, wantDetail: "cannot convert (sensitive value) to bool"},
		{name: "parseint", varBody: sensDefault, expr: "parseint(var.x, 10)",
			hidden: []string{secret}, wantDetail: "cannot parse (sensitive value) as a base 10 integer"},
		{name: "regex pattern", varBody: "  sensitive = true\n  default   = \"s3cr3t(ZZ\"", expr: `length(regex(var.x, "abc"))`,
			hidden: []string{"s3cr3t(ZZ"}, wantDetail: "missing closing ) in (sensitive value)"},
		{name: "derived by a function", varBody: sensDefault, expr: "tonumber(upper(var.x))",
			hidden: []string{secret, "S3CR3TZZ"}, wantDetail: "cannot convert (sensitive value) to number"},
		{name: "derived by a local template", varBody: sensDefault, expr: "tonumber(local.y)",
			hidden: []string{secret, "id-" + secret}, wantDetail: "cannot convert (sensitive value) to number"},
		{name: "list element", varBody: "  type      = list(string)\n  sensitive = true\n  default   = [\"1\", \"" + secret + "\"]",
			expr: "tonumber(var.x[1])", hidden: []string{secret}, wantDetail: "cannot convert (sensitive value) to number"},
		{name: "map element from -var", varBody: "  type      = map(string)\n  sensitive = true",
			opts:   func(string) Options { return Options{Vars: []string{`x={ k = "` + secret + `" }`}} },
			expr:   `tonumber(var.x["k"])`,
			hidden: []string{secret}, wantDetail: "cannot convert (sensitive value) to number"},
		{name: "derived in a for expression", varBody: "  type      = list(string)\n  sensitive = true\n  default   = [\"" + secret + "\"]",
			expr:   "max([for s in var.x : tonumber(upper(s))]...)",
			hidden: []string{secret, "S3CR3TZZ"}, wantDetail: "cannot convert (sensitive value) to number"},
		{name: "escaped quote and newline", varBody: "  sensitive = true",
			opts:   func(string) Options { return Options{Vars: []string{"x=s3cr\"3t\nZZ"}} },
			expr:   `tonumber("pre-${var.x}")`,
			hidden: []string{"s3cr\"3t\nZZ", `s3cr\"3t\nZZ`}, wantDetail: "cannot convert (sensitive value) to number"},
		{name: "short value", varBody: "  sensitive = true\n  default   = \"ab\"", expr: "tonumber(var.x)",
			hidden: []string{`"ab"`}, wantDetail: "cannot convert (sensitive value) to number"},
		{name: "lifecycle check of a sensitive string", varBody: "  sensitive = true\n  default   = \"-123456\"", expr: "tonumber(var.x)",
			hidden: []string{"123456"}, wantDetail: "S3 rejects (sensitive value)."},
		{name: "lifecycle check of a sensitive number from -var", varBody: "  type      = number\n  sensitive = true", expr: "var.x + 0",
			opts:   func(string) Options { return Options{Vars: []string{"x=-98765"}} },
			hidden: []string{"98765"}, wantDetail: "S3 rejects (sensitive value)."},
		{name: "failed validation shows the -var-file line", varBody: "  sensitive = true\n" + tooLong, expr: "1",
			varFile: `x = "` + secret + `"`,
			opts:    func(dir string) Options { return Options{VarFiles: []string{filepath.Join(dir, "vars.tfvars")}} },
			hidden:  []string{secret}, wantDetail: "Too long."},
		{name: "failed validation shows the default", varBody: sensDefault + "\n" + tooLong, expr: "1",
			hidden: []string{secret}, wantDetail: "Too long."},
		{name: "validation condition", varBody: sensDefault + "\n  validation {\n    condition     = tonumber(var.x) > 0\n    error_message = \"Use a number.\"\n  }",
			expr: "1", hidden: []string{secret}, wantDetail: "cannot convert (sensitive value) to number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"main.hcl": sensitiveSpec(tt.varBody, tt.expr)}
			if tt.varFile != "" {
				files["vars.tfvars"] = tt.varFile
			}
			dir := writeSpec(t, files)
			var opts Options
			if tt.opts != nil {
				opts = tt.opts(dir)
			}
			loaded, diags := Load(dir, opts)
			if !diags.HasErrors() {
				t.Fatal("no error")
			}
			text := printDiags(t, loaded, diags)
			for _, h := range tt.hidden {
				if strings.Contains(text, h) {
					t.Errorf("the diagnostics show %q:\n%s", h, text)
				}
			}
			found := false
			for _, d := range diags {
				if d.EvalContext != nil {
					t.Errorf("diagnostic %q keeps its evaluation context", d.Summary)
				}
				if strings.Contains(d.Detail, tt.wantDetail) {
					found = true
					if d.Subject == nil || d.Subject.Start.Line == 0 {
						t.Errorf("diagnostic %q lost its location: %v", d.Summary, d.Subject)
					}
				}
			}
			if !found {
				t.Errorf("no detail holds %q:\n%s", tt.wantDetail, text)
			}
		})
	}
}

// TestNotSensitiveValuesShown checks that the redaction is scoped: the same
// errors about a variable that is not sensitive quote its value.
func TestNotSensitiveValuesShown(t *testing.T) {
	tests := []struct{ expr, want string }{
		{"tonumber(var.x)", `"s3cr3tZZ"`},
		{"tonumber(upper(var.x))", `"S3CR3TZZ"`},
		{"tonumber(local.y)", `"id-s3cr3tZZ"`},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			dir := writeSpec(t, map[string]string{"main.hcl": sensitiveSpec(`  default = "s3cr3tZZ"`, tt.expr)})
			loaded, diags := Load(dir, Options{})
			if text := printDiags(t, loaded, diags); !strings.Contains(text, tt.want) || strings.Contains(text, RedactedText) {
				t.Errorf("the value %s is not shown:\n%s", tt.want, text)
			}
		})
	}
}

// printDiags prints diags the way hcl's text writer does (snippets and the
// values of the expression's variables included).
func printDiags(t *testing.T, loaded *Loaded, diags hcl.Diagnostics) string {
	t.Helper()
	var b bytes.Buffer
	if err := hcl.NewDiagnosticTextWriter(&b, loaded.Files, 0, false).WriteDiagnostics(diags); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestSensitiveTextsReplace(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		in    string
		want  string
	}{
		{"quoted", []string{"abcd"}, `cannot convert "abcd" to number`, "cannot convert (sensitive value) to number"},
		{"bare", []string{"abcd"}, "missing ): `abcd`", "missing ): `(sensitive value)`"},
		{"longest first", []string{"abcd", "abcdef"}, `"abcdef" and abcd`, "(sensitive value) and (sensitive value)"},
		{"escaped inside a longer string", []string{"a\"b\ncd"}, `"x-a\"b\ncd"`, `"x-(sensitive value)"`},
		{"json quoting", []string{"<tag>"}, `"\u003ctag\u003e"`, "(sensitive value)"},
		{"short value quoted or whole only", []string{"on"}, "condition on: `on`, 'on'", "condition on: `(sensitive value)`, '(sensitive value)'"},
		{"short value as the whole text", []string{"on"}, "on", "(sensitive value)"},
		{"short value inside other text", []string{"1"}, "3600 (1 hour) to 43200", "3600 (1 hour) to 43200"},
		{"short value inside a token", []string{"ab"}, "x-ab and ab-x", "x-ab and ab-x"},
		{"short symbol inside a token", []string{"*"}, "wildcard actions: s3:*", "wildcard actions: s3:*"},
		{"short symbol quoted", []string{"*"}, `resources: [*, "*", s3:*]`, "resources: [*, (sensitive value), s3:*]"},
		{"long symbols inside other text", []string{"-.-."}, `a-.-.b and "-.-."`, "a(sensitive value)b and (sensitive value)"},
		{"long value inside a word", []string{"abcd"}, "xabcdx", "x(sensitive value)x"},
		{"a value inside the placeholder", []string{"abcd", "value"}, "abcd", "(sensitive value)"},
		{"empty value", []string{""}, "text", "text"},
		{"a second pass keeps replacements", []string{"value"}, "(sensitive value) and value", "(sensitive value) and (sensitive value)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sensitiveTexts{}
			for _, x := range tt.texts {
				s[x] = true
			}
			if got := s.replace(tt.in); got != tt.want {
				t.Errorf("replace(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzSensitiveVar gives a sensitive variable any value with -var and
// evaluates expressions that fail on most values and quote them: no
// diagnostic may show the value, or the value upper-cased, whole.
func FuzzSensitiveVar(f *testing.F) {
	for _, seed := range []string{"s3cr3tZZ", "12a", "true-ish", "s3cr3t(ZZ", "a\"b\\nc", "<tag>&", "ünïcödé", "1e999999", "\x00\xff", "value", "number"} {
		f.Add(seed)
	}
	dir := f.TempDir()
	err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(`variable "x" {
  type      = string
  sensitive = true
}
locals {
  y = "id-${var.x}"
}
bucket "b" {
  name   = "teramot-sens-test"
  region = "us-east-1"
  lifecycle_rule "a" { expiration_days = tonumber(var.x) }
  lifecycle_rule "b" { expiration_days = tobool(var.x) ? 1 : parseint(var.x, 10) }
  lifecycle_rule "c" { expiration_days = length(regex(var.x, "a")) + tonumber(upper(var.x)) }
  lifecycle_rule "d" { expiration_days = tonumber(local.y) + length(base64decode(var.x)) }
}
`), 0o644)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, value string) {
		loaded, diags := Load(dir, Options{Vars: []string{"x=" + value}})
		if loaded == nil {
			t.Fatal("nil *Loaded")
		}
		stored := cty.StringVal(value).AsString() // cty normalises to NFC
		for _, v := range []string{stored, cty.StringVal(strings.ToUpper(stored)).AsString()} {
			if len(v) < shortSensitive || strings.Contains(RedactedText, v) {
				continue
			}
			for _, d := range diags {
				if strings.Contains(d.Summary, v) || strings.Contains(d.Detail, v) {
					t.Fatalf("diagnostic shows %q: %s: %s", v, d.Summary, d.Detail)
				}
			}
		}
	})
}

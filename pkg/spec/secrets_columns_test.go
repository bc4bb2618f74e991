package spec

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestSecretColumnsAreHCLs: a literal secret's column is counted like
// every other column, in HCL's grapheme clusters, also after flags, a
// joined emoji or a combining mark on its line.
func TestSecretColumnsAreHCLs(t *testing.T) {
	for name, prefix := range map[string]string{
		"ascii":          "",
		"flags":          "/* 🇩🇪🇩🇪🇩🇪 */ ",
		"zwj family":     "/* 👨‍👩‍👧 */ ",
		"combining mark": "/* e\u0301 */ ",
	} {
		t.Run(name, func(t *testing.T) {
			src := "bucket \"data\" {\n" + prefix + `tags = { k = "AKIAIOSFODNN7EXAMPLE" }` + "\n" +
				`  name   = "teramot-sec-example"` + "\n" + `  region = "us-east-1"` + "\n}\n"
			dir := writeSpec(t, map[string]string{"main.hcl": src})
			loaded, diags := Load(dir, Options{})
			if loaded == nil || loaded.Spec == nil || len(loaded.Spec.Secrets) != 1 {
				t.Fatalf("want one secret:\n%s", diagText(diags))
			}
			f, pdiags := hclsyntax.ParseConfig([]byte(src), "main.hcl", hcl.InitialPos)
			if pdiags.HasErrors() {
				t.Fatal(pdiags)
			}
			tags := f.Body.(*hclsyntax.Body).Blocks[0].Body.Attributes["tags"].Expr.(*hclsyntax.ObjectConsExpr)
			value := tags.Items[0].ValueExpr.Range() // "AKIA...", with its quotes
			got := loaded.Spec.Secrets[0].Range
			if got.Start.Line != 2 || got.Start.Column != value.Start.Column+1 || got.End.Column != value.End.Column-1 {
				t.Errorf("secret at %d:%d-%d, want 2:%d-%d (HCL's columns inside the quotes of %s)",
					got.Start.Line, got.Start.Column, got.End.Column, value.Start.Column+1, value.End.Column-1, strings.TrimSpace(value.String()))
			}
		})
	}
}

package hclcol

import (
	"bytes"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestColumnAgreesWithHCL: the column of an attribute after text HCL
// counts in grapheme clusters (flags, joined emoji, combining marks).
func TestColumnAgreesWithHCL(t *testing.T) {
	for name, prefix := range map[string]string{
		"ascii":          "",
		"flags":          "/* 🇩🇪🇩🇪🇩🇪 */ ",
		"zwj family":     "/* 👨‍👩‍👧 */ ",
		"combining mark": "/* e\u0301 */ ",
		"tab":            "\t",
	} {
		t.Run(name, func(t *testing.T) {
			src := "x = 1\n" + prefix + "k = \"v\"\n"
			f, diags := hclsyntax.ParseConfig([]byte(src), "m.hcl", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			got := f.Body.(*hclsyntax.Body).Attributes["k"].SrcRange.Start
			if want := Column([]byte(prefix)); got.Column != want {
				t.Errorf("HCL column %d, Column %d", got.Column, want)
			}
		})
	}
}

func TestPos(t *testing.T) {
	src := []byte("\uFEFFk = 1\n/* 🇩🇪 */ v = 2\n")
	for _, tt := range []struct {
		sub       string
		line, col int
	}{
		{"k", 1, 1}, // after the byte order mark
		{"v", 2, 9}, // the flag is one column
		{"\n/*", 1, 6},
	} {
		at := bytes.Index(src, []byte(tt.sub))
		if got := Pos(src, at); got.Line != tt.line || got.Column != tt.col || got.Byte != at {
			t.Errorf("%q: %+v, want line %d column %d byte %d", tt.sub, got, tt.line, tt.col, at)
		}
	}
	if got := Pos(src, len(src)+5); got.Byte != len(src) || got.Line != 3 || got.Column != 1 {
		t.Errorf("past the end: %+v", got)
	}
}

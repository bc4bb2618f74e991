package rules

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"
)

// TestRegoRangeColumns: a policy error's columns are counted like every
// other column, in grapheme clusters as HCL counts them.
func TestRegoRangeColumns(t *testing.T) {
	for _, tt := range []struct {
		name, prefix string
		start, end   int
	}{
		{"ascii", "x := 1 # ", 10, 13},
		{"flags", "x := 1 # 🇩🇪🇩🇪 ", 13, 16},             // two flags are two columns, not four
		{"combining mark", "x := 1 # e\u0301 ", 12, 15}, // e and its accent are one column
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := "package p\n" + tt.prefix + "bad\n"
			at := strings.Index(src, "bad")
			loc := &ast.Location{File: "p.rego", Row: 2, Col: at - strings.Index(src, "\n"), Offset: at, Text: []byte("bad")}
			got := regoRange(loc, &hcl.File{Bytes: []byte(src)})
			if got.Start.Line != 2 || got.Start.Column != tt.start || got.End.Column != tt.end || got.Start.Byte != at {
				t.Errorf("range %s (byte %d), want 2:%d-%d", got, got.Start.Byte, tt.start, tt.end)
			}
		})
	}
}

package view

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

// TestHideSpans: a hidden part of a snippet line is printed as
// spec.HiddenValueText and the highlighted span moves with it.
func TestHideSpans(t *testing.T) {
	span := func(start, end int) hcl.Range {
		return hcl.Range{Start: hcl.Pos{Byte: start}, End: hcl.Pos{Byte: end}}
	}
	tests := []struct {
		name      string
		text      string
		lineStart int
		from, to  int
		hidden    []hcl.Range
		first     bool   // the snippet's first line
		want      string // the line with the highlighted span in [ ]; "" when left out
	}{
		{name: "value after the highlighted name", text: "extra = *", from: 0, to: 5,
			hidden: []hcl.Range{span(8, 9)}, want: "[extra] = (value hidden)"},
		{name: "highlighted value", text: `xid = "****"`, from: 6, to: 12,
			hidden: []hcl.Range{span(6, 12)}, want: "xid = [(value hidden)]"},
		{name: "highlight ends inside", text: "a = ***** # c", from: 0, to: 6,
			hidden: []hcl.Range{span(4, 9)}, want: "[a = (value hidden)] # c"},
		{name: "highlight starts inside", text: "a = ***** # c", from: 6, to: 13,
			hidden: []hcl.Range{span(4, 9)}, want: "a = [(value hidden) # c]"},
		{name: "highlight after", text: "a = *** # c", from: 8, to: 11,
			hidden: []hcl.Range{span(4, 7)}, want: "a = (value hidden) [# c]"},
		{name: "two values", text: "a = ** b = ***", from: 7, to: 8,
			hidden: []hcl.Range{span(4, 6), span(11, 14)}, want: "a = (value hidden) [b] = (value hidden)"},
		{name: "on another line", text: "b = 1", lineStart: 20, from: 0, to: 1,
			hidden: []hcl.Range{span(4, 9)}, want: "[b] = 1"},
		{name: "continuation line left out", text: "*****", lineStart: 10, from: 0, to: 5,
			hidden: []hcl.Range{span(4, 15)}, want: ""},
		{name: "continuation line with more after the value", text: "**} # c", lineStart: 10, from: 0, to: 3,
			hidden: []hcl.Range{span(4, 12)}, want: "[}] # c"},
		{name: "continuation line first in the snippet", text: "*****", lineStart: 10, from: 2, to: 5,
			hidden: []hcl.Range{span(4, 15)}, first: true, want: "[(value hidden)]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, keep := hideSpans(srcLine{text: tt.text, from: tt.from, to: tt.to}, tt.lineStart, tt.hidden, tt.first)
			got := ""
			if keep {
				got = l.text[:l.from] + "[" + l.text[l.from:l.to] + "]" + l.text[l.to:]
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSnippetSaysValueHidden: the value of an undeclared name in a
// -var-file, masked by '*' in the loaded files, reads as hidden in a text
// snippet (with and without colour), while the JSON snippet's code keeps
// the file's masked bytes so its offsets hold (review-adopt F-tfvars-mask).
func TestSnippetSaysValueHidden(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("main.hcl", "bucket \"data\" {\n  name   = \"acme-data\"\n  region = \"us-east-1\"\n}\n")
	vars := write("v.tfvars", "extra = 1\n")
	loaded, diags := spec.Load(dir, spec.Options{VarFiles: []string{vars}})
	var warn *hcl.Diagnostic
	for _, d := range diags {
		if d.Summary == "Value for undeclared variable" {
			warn = d
		}
	}
	if warn == nil {
		t.Fatalf("no warning about the undeclared variable: %v", diags)
	}

	var text bytes.Buffer
	WriteDiagnostic(&text, warn, loaded.Files, false)
	want := "  1: extra = (value hidden)\n     ^^^^^\n"
	if !strings.Contains(text.String(), want) {
		t.Errorf("text snippet lacks %q:\n%s", want, text.String())
	}
	var color bytes.Buffer
	WriteDiagnostic(&color, warn, loaded.Files, true)
	if want := "extra" + ansiReset + " = (value hidden)\n"; !strings.Contains(color.String(), want) {
		t.Errorf("coloured snippet lacks %q:\n%q", want, color.String())
	}

	doc := NewJSONDiagnostics(hcl.Diagnostics{warn}, loaded.Files)
	var code []string
	for _, d := range doc.Diagnostics {
		if d.Snippet != nil {
			code = append(code, d.Snippet.Code)
		}
	}
	if diff := cmp.Diff([]string{"extra = *"}, code); diff != "" {
		t.Errorf("JSON snippet code (-want +got):\n%s", diff)
	}
}

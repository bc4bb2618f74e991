package view

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// FuzzDiagnosticSnippet writes diagnostics with arbitrary source and
// ranges (as a broken or hostile spec may produce): it must never panic,
// never let a character needsEscape reports (a C0 or C1 control, a line
// separator, a bidirectional control) other than newline and tab reach
// the terminal, print
// only valid UTF-8, never print a snippet line wider than maxSnippetColumns
// plus the two ellipsis markers, and the JSON highlight must lie inside its
// code.
func FuzzDiagnosticSnippet(f *testing.F) {
	f.Add([]byte(diagSrc), 27, 37, 2)
	f.Add([]byte("bucket \"x\" {\n\tname = \"\x1b[31mred\"\n}\n"), 14, 40, 2)
	f.Add([]byte("\xff\xfe\x00binary"), 0, 9, 1)
	f.Add([]byte(""), 0, 0, 1)
	f.Add([]byte("a\r\nb\r\n"), 3, 100, 2)
	f.Add([]byte("bucket \"\\u001b[2J\" {\n}\n"), 0, 5, 1)
	long := "tags = { k = \"" + strings.Repeat("é", 300) + "\" }\n"
	f.Add([]byte(long), 10, 500, 1)
	f.Add([]byte(long), 400, 401, 1)
	f.Add([]byte("# "+strings.Repeat("x", 1000)), 0, 0, 1)
	f.Add([]byte(strings.Repeat("\t", 170)+"x\n"+strings.Repeat("y\xff", 200)), 168, 400, 1)
	f.Add([]byte("bucket \"a\u009b2J\u202eb\" {}\n"), 0, 20, 1)
	f.Add([]byte("# \u2066x\u2069 \u061c \u200f \u2028\n"+strings.Repeat("\u0085", 200)), 5, 300, 1)
	f.Fuzz(func(t *testing.T, src []byte, start, end, line int) {
		file, _ := hclsyntax.ParseConfig(src, "f.hcl", hcl.InitialPos)
		if file == nil {
			file = &hcl.File{Bytes: src}
		}
		files := map[string]*hcl.File{"f.hcl": file}
		rng := &hcl.Range{Filename: "f.hcl", Start: hcl.Pos{Line: line, Column: 1, Byte: start}, End: hcl.Pos{Line: line, Column: 1, Byte: end}}
		d := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "S " + string(src), Detail: "D\n" + string(src), Subject: rng}
		var buf bytes.Buffer
		WriteDiagnostic(&buf, d, files, false)
		checkNoEscapes(t, "diagnostic", buf.String())
		if !utf8.Valid(buf.Bytes()) {
			t.Errorf("invalid UTF-8 in output %q", buf.String())
		}
		buf.Reset()
		WriteSnippet(&buf, *rng, files, false)
		_, snippet, _ := strings.Cut(buf.String(), ":\n") // after the location line
		// "  N: " or its width in spaces, N at most as wide as either bound
		prefix := 4 + max(len(fmt.Sprint(line)), len(fmt.Sprint(max(line, 1)+maxSnippetLines)))
		checkNoEscapes(t, "snippet", buf.String())
		for l := range strings.Lines(snippet) {
			if n := utf8.RuneCountInString(strings.TrimSuffix(l, "\n")); n > prefix+maxSnippetColumns+2 {
				t.Errorf("snippet line of %d characters: %q", n, l)
			}
		}
		jd := NewJSONDiagnostic(d, files)
		if sn := jd.Snippet; sn != nil {
			if sn.HighlightStartOffset < 0 || sn.HighlightStartOffset > sn.HighlightEndOffset || sn.HighlightEndOffset > len(sn.Code) {
				t.Errorf("highlight [%d,%d) outside code of %d bytes", sn.HighlightStartOffset, sn.HighlightEndOffset, len(sn.Code))
			}
		}
	})
}

// checkNoEscapes fails when out has a character needsEscape reports other
// than newline and tab: one that could drive a terminal, forge a line or
// reorder the text a reader sees.
func checkNoEscapes(t *testing.T, what, out string) {
	t.Helper()
	if i := strings.IndexFunc(out, func(r rune) bool { return r != '\n' && r != '\t' && needsEscape(r) }); i >= 0 {
		t.Errorf("%s: control %U at byte %d of %q", what, []rune(out[i:])[0], i, out)
	}
}

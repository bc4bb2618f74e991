package view

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// FuzzDiagnosticSnippet writes diagnostics with arbitrary source and
// ranges (as a broken or hostile spec may produce): it must never panic,
// never let a control character of the source reach the terminal, and the
// JSON highlight must lie inside its code.
func FuzzDiagnosticSnippet(f *testing.F) {
	f.Add([]byte(diagSrc), 27, 37, 2)
	f.Add([]byte("bucket \"x\" {\n\tname = \"\x1b[31mred\"\n}\n"), 14, 40, 2)
	f.Add([]byte("\xff\xfe\x00binary"), 0, 9, 1)
	f.Add([]byte(""), 0, 0, 1)
	f.Add([]byte("a\r\nb\r\n"), 3, 100, 2)
	f.Add([]byte("bucket \"\\u001b[2J\" {\n}\n"), 0, 5, 1)
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
		if strings.ContainsAny(buf.String(), "\x1b\x00\r") {
			t.Errorf("control character in output %q", buf.String())
		}
		jd := NewJSONDiagnostic(d, files)
		if sn := jd.Snippet; sn != nil {
			if sn.HighlightStartOffset < 0 || sn.HighlightStartOffset > sn.HighlightEndOffset || sn.HighlightEndOffset > len(sn.Code) {
				t.Errorf("highlight [%d,%d) outside code of %d bytes", sn.HighlightStartOffset, sn.HighlightEndOffset, len(sn.Code))
			}
		}
	})
}

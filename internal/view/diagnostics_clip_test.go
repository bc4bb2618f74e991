package view

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

func TestClipLine(t *testing.T) {
	long := strings.Repeat("a", 100) + `"HIT"` + strings.Repeat("b", 300)
	tests := []struct {
		name               string
		in                 srcLine
		wantText, wantMark string
		wantHead, wantTail bool
	}{
		{"short line unchanged", srcLine{text: "x = 1", from: 4, to: 5}, "x = 1", "1", false, false},
		{"centred on the span", srcLine{text: long, from: 100, to: 105}, "", `"HIT"`, true, true},
		{"span at the start", srcLine{text: long, from: 0, to: 3}, "", "aaa", false, true},
		{"span at the end", srcLine{text: long, from: len(long) - 2, to: len(long)}, "", "bb", true, false},
		{"span longer than the window", srcLine{text: long, from: 10, to: len(long)}, "", strings.Repeat("a", 90) + `"HIT"` + strings.Repeat("b", 57), true, true},
		{"multibyte runes are never cut", srcLine{text: strings.Repeat("é", 200) + "X" + strings.Repeat("ü", 200), from: 400, to: 401}, "", "X", true, true},
		{"empty span", srcLine{text: long, from: 250, to: 250}, "", "", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clipLine(tt.in)
			if tt.wantText != "" && got.text != tt.wantText {
				t.Errorf("text = %q, want %q", got.text, tt.wantText)
			}
			if n := len([]rune(got.text)); n > maxSnippetColumns+2 {
				t.Errorf("clipped line has %d characters, want at most %d", n, maxSnippetColumns+2)
			}
			if mark := got.text[got.from:got.to]; mark != tt.wantMark {
				t.Errorf("marked %q, want %q", mark, tt.wantMark)
			}
			if head := strings.HasPrefix(got.text, snippetEllipsis); head != tt.wantHead {
				t.Errorf("leading ellipsis %v, want %v", head, tt.wantHead)
			}
			if tail := strings.HasSuffix(got.text, snippetEllipsis); tail != tt.wantTail {
				t.Errorf("trailing ellipsis %v, want %v", tail, tt.wantTail)
			}
		})
	}
}

// TestWriteDiagnosticClipsLongLine checks the printed snippet of a 200k
// character value: one clipped line, with the carets under the highlight.
func TestWriteDiagnosticClipsLongLine(t *testing.T) {
	src := `tags = { k = "` + strings.Repeat("v", 200_000) + `", bad = 1 }` + "\n"
	i := strings.Index(src, "bad")
	files := map[string]*hcl.File{"m.hcl": {Bytes: []byte(src)}}
	rng := &hcl.Range{Filename: "m.hcl", Start: hcl.Pos{Line: 1, Column: i + 1, Byte: i}, End: hcl.Pos{Line: 1, Column: i + 4, Byte: i + 3}}
	var buf bytes.Buffer
	WriteDiagnostic(&buf, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Bad", Subject: rng}, files, false)
	lines := strings.Split(buf.String(), "\n")
	code, carets := lines[3], lines[4]
	want := "  1: …" + strings.Repeat("v", maxSnippetColumns-12) + `", bad = 1 }`
	if diff := cmp.Diff(want, code); diff != "" {
		t.Errorf("code line (-want +got):\n%s", diff)
	}
	if col := len([]rune(carets)) - 3; string([]rune(code)[col:col+3]) != "bad" || !strings.HasSuffix(carets, " ^^^") {
		t.Errorf("carets not under the range:\n%s\n%s", code, carets)
	}
	if buf.Len() > 1000 {
		t.Errorf("output is %d bytes", buf.Len())
	}
}

package view

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hcled"

	"github.com/teramot/teramotc/pkg/spec"
)

// ANSI sequences used by the text formats when colour is on.
const (
	ansiReset     = "\x1b[0m"
	ansiBold      = "\x1b[1m"
	ansiUnderline = "\x1b[4m"
	ansiRed       = "\x1b[31m"
	ansiYellow    = "\x1b[33m"
)

// maxSnippetLines caps the source lines printed under one diagnostic.
const maxSnippetLines = 5

// maxSnippetColumns caps the characters of one snippet line; a longer line
// is clipped around its highlighted range, with snippetEllipsis marking the
// cut ends.
const maxSnippetColumns = 160

// snippetEllipsis replaces the text cut from either end of a long line.
const snippetEllipsis = "…"

// WriteDiagnostics writes diags in Terraform's text style, each followed by
// a blank line. files maps the filenames of the ranges to their parsed
// files, for source snippets; a diagnostic whose file is unknown is printed
// without a snippet.
func WriteDiagnostics(w io.Writer, diags hcl.Diagnostics, files map[string]*hcl.File, color bool) {
	for _, d := range diags {
		WriteDiagnostic(w, d, files, color)
		fmt.Fprintln(w)
	}
}

// WriteDiagnostic writes one diagnostic: the severity and summary (with the
// rule ID when it has one), the location and source snippet, then the
// detail.
func WriteDiagnostic(w io.Writer, d *hcl.Diagnostic, files map[string]*hcl.File, color bool) {
	label, tint := "Error", ansiRed
	if d.Severity == hcl.DiagWarning {
		label, tint = "Warning", ansiYellow
	}
	summary := sanitizeText(d.Summary)
	if id := spec.RuleID(d); id != "" {
		summary += " (" + id + ")"
	}
	if color {
		fmt.Fprintf(w, "%s%s%s:%s %s%s%s\n", ansiBold, tint, label, ansiReset, ansiBold, summary, ansiReset)
	} else {
		fmt.Fprintf(w, "%s: %s\n", label, summary)
	}
	if d.Subject != nil {
		fmt.Fprintln(w)
		WriteSnippet(w, *d.Subject, files, color)
	}
	if d.Detail != "" {
		fmt.Fprintln(w)
		fmt.Fprintln(w, sanitizeText(strings.TrimRight(d.Detail, "\n")))
	}
}

// WriteSnippet writes the location line (`  on FILE line N, in bucket
// "data":`) and the numbered source lines of rng, with the range underlined
// (colour) or marked with carets on the line below (no colour).
func WriteSnippet(w io.Writer, rng hcl.Range, files map[string]*hcl.File, color bool) {
	file := files[rng.Filename]
	where := fmt.Sprintf("  on %s line %d", rng.Filename, rng.Start.Line)
	if file != nil {
		if ctx := hcled.ContextString(file, rng.Start.Byte); ctx != "" {
			where += ", in " + ctx
		}
	}
	fmt.Fprintln(w, sanitizeText(where)+":")
	if file == nil || len(file.Bytes) == 0 {
		return
	}
	lines := snippetLines(file.Bytes, rng, spec.HiddenSpans(file))
	width := len(fmt.Sprint(lines[len(lines)-1].num))
	for _, l := range lines {
		prefix := fmt.Sprintf("  %*d: ", width, l.num)
		before, marked, after := l.text[:l.from], l.text[l.from:l.to], l.text[l.to:]
		if color && marked != "" {
			fmt.Fprintf(w, "%s%s%s%s%s%s\n", prefix, before, ansiUnderline, marked, ansiReset, after)
			continue
		}
		fmt.Fprintln(w, strings.TrimRight(prefix+l.text, " \t"))
		if !color && marked != "" {
			fmt.Fprintln(w, strings.Repeat(" ", len(prefix))+caretPad(before)+strings.Repeat("^", max(1, utf8.RuneCountInString(marked))))
		}
	}
}

// srcLine is one source line with the byte span [from, to) that the range
// covers on it.
type srcLine struct {
	num      int
	text     string
	from, to int
}

// sourceLines returns the lines of src that rng covers (at most
// maxSnippetLines), tolerating ranges that lie partly outside src.
func sourceLines(src []byte, rng hcl.Range) []srcLine {
	return snippetLines(src, rng, nil)
}

// snippetLines is sourceLines with the hidden spans of src (masked values,
// spec.HiddenSpans) shown as spec.HiddenValueText: for text snippets only,
// whose offsets nobody reads back (JSON's code keeps the file's bytes).
func snippetLines(src []byte, rng hcl.Range, hidden []hcl.Range) []srcLine {
	start := min(max(rng.Start.Byte, 0), len(src))
	end := min(max(rng.End.Byte, start), len(src))
	lineStart := bytes.LastIndexByte(src[:start], '\n') + 1
	var out []srcLine
	for num := max(rng.Start.Line, 1); len(out) < maxSnippetLines; num++ {
		lineEnd := len(src)
		if i := bytes.IndexByte(src[lineStart:], '\n'); i >= 0 {
			lineEnd = lineStart + i
		}
		text := strings.TrimRight(string(src[lineStart:lineEnd]), "\r")
		from := min(max(start-lineStart, 0), len(text))
		to := min(max(end-lineStart, from), len(text))
		if l, keep := hideSpans(srcLine{num: num, text: sanitizeLine(text), from: from, to: to}, lineStart, hidden, len(out) == 0); keep {
			out = append(out, clipLine(l))
		}
		if lineEnd >= end || lineEnd >= len(src) {
			break
		}
		lineStart = lineEnd + 1
	}
	return out
}

// clipLine shortens a line longer than maxSnippetColumns characters to a
// window of that many around its highlighted span (from its start when the
// span itself is longer), marking each cut end with snippetEllipsis, and
// moves the span to match. It cuts only between runes: l.text is valid
// UTF-8 after sanitizeLine.
func clipLine(l srcLine) srcLine {
	n := utf8.RuneCountInString(l.text)
	if n <= maxSnippetColumns {
		return l
	}
	rf := utf8.RuneCountInString(l.text[:l.from])
	rt := rf + utf8.RuneCountInString(l.text[l.from:l.to])
	start := rf - 8 // some context before a span longer than the window
	if span := rt - rf; span < maxSnippetColumns {
		start = rf - (maxSnippetColumns-span)/2
	}
	start = min(max(start, 0), n-maxSnippetColumns)
	bs, be := runeOffset(l.text, start), runeOffset(l.text, start+maxSnippetColumns)
	head, tail := "", ""
	if bs > 0 {
		head = snippetEllipsis
	}
	if be < len(l.text) {
		tail = snippetEllipsis
	}
	shift := func(off int) int { return len(head) + min(max(off-bs, 0), be-bs) }
	return srcLine{num: l.num, text: head + l.text[bs:be] + tail, from: shift(l.from), to: shift(l.to)}
}

// runeOffset returns the byte offset of the rune with index i in s (len(s)
// when s has fewer runes).
func runeOffset(s string, i int) int {
	for off := range s {
		if i == 0 {
			return off
		}
		i--
	}
	return len(s)
}

// sanitizeLine replaces with '?' the characters needsEscape reports (C0
// and C1 controls, DEL, line separators, bidirectional controls) other
// than tab, and invalid UTF-8, so that a binary or hostile file cannot
// drive the terminal or reorder what is shown. It writes one '?' per byte,
// keeping the byte length, so range offsets stay valid (clipLine then
// counts each '?' as a column).
func sanitizeLine(s string) string {
	unsafeInLine := func(r rune) bool { return r != '\t' && needsEscape(r) || r == utf8.RuneError }
	if !strings.ContainsFunc(s, unsafeInLine) {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if unsafeInLine(r) {
			for j := i; j < i+size; j++ {
				b[j] = '?'
			}
		}
		i += size
	}
	return string(b)
}

// sanitizeText applies sanitizeLine and neutralizeCommand to each line of
// s: summaries, details and block labels may quote user input.
func sanitizeText(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = neutralizeCommand(sanitizeLine(l))
	}
	return strings.Join(lines, "\n")
}

// caretPad returns the whitespace that puts a caret under the character
// following before: tabs are kept, everything else becomes one space per
// character.
func caretPad(before string) string {
	var b strings.Builder
	for _, r := range before {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// CountDiagnostics returns the number of errors and warnings in diags.
func CountDiagnostics(diags hcl.Diagnostics) (errs, warns int) {
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

// plural returns "1 error" / "2 errors".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

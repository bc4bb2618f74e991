package view

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// escapeControls makes text from a plan safe to print: a plan (and above
// all a plan file, which anyone may have crafted) can carry names, keys,
// reasons and warnings with escape sequences that drive a terminal,
// newlines that forge lines (a GitHub "::error::" command, a table row),
// or bidirectional overrides that reorder what a reviewer reads. Each such
// character is written as a Go escape (\x1b, \n, \u202e) so that it is
// visible and inert; invalid UTF-8 bytes become \xNN. Other text, a
// backslash included, is kept as it is.
func escapeControls(s string) string {
	if !strings.ContainsFunc(s, needsEscape) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && needsEscape(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case needsEscape(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// needsEscape reports the characters escapeControls escapes: C0 and C1
// controls and DEL, line and paragraph separators, and the bidirectional
// marks, embeddings, overrides and isolates.
func needsEscape(r rune) bool {
	switch {
	case unicode.IsControl(r), r == '\u2028', r == '\u2029', r == '\u061c',
		r == '\u200e', r == '\u200f', r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// mdCell is text for a markdown table cell: controls escaped, then every
// character markdown could read as syntax backslash-escaped, so a cell
// stays one cell of one row and shows the text as it is.
func mdCell(s string) string {
	var b strings.Builder
	for _, r := range escapeControls(s) {
		if strings.ContainsRune("\\`*_[]<>|~&!", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdCode is text as a code span in a markdown table cell: controls
// escaped, pipes escaped (GitHub splits cells on them even in code), and
// a backtick fence longer than any run of backticks in the text.
func mdCode(s string) string {
	s = strings.ReplaceAll(escapeControls(s), "|", `\|`)
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

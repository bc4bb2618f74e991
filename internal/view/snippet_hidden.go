package view

import (
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

// hideSpans replaces the parts of l (which starts at byte lineStart of its
// file) that hidden covers by spec.HiddenValueText where a hidden value
// starts and by nothing on the lines it continues on, and moves the
// highlighted span to match: a start inside a hidden part moves to the
// placeholder's start, an end inside one to its end, so the carets cover
// the whole placeholder. On the snippet's first line (first) a continued
// value is said hidden too. It reports false for a line that then holds
// nothing: the snippet leaves it out.
func hideSpans(l srcLine, lineStart int, hidden []hcl.Range, first bool) (srcLine, bool) {
	replaced := false
	// Right to left, so the offsets of the parts still to replace hold.
	for i := len(hidden) - 1; i >= 0; i-- {
		h := hidden[i]
		ps := min(max(h.Start.Byte-lineStart, 0), len(l.text))
		pe := min(max(h.End.Byte-lineStart, ps), len(l.text))
		if ps >= pe {
			continue
		}
		repl := spec.HiddenValueText
		if h.Start.Byte < lineStart && !first { // said on the line where it starts
			repl, replaced = "", true
		}
		delta := len(repl) - (pe - ps)
		move := func(off, inside int) int {
			switch {
			case off <= ps:
				return off
			case off >= pe:
				return off + delta
			default:
				return inside
			}
		}
		l.from, l.to = move(l.from, ps), move(l.to, ps+len(repl))
		l.text = l.text[:ps] + repl + l.text[pe:]
	}
	return l, !replaced || strings.TrimSpace(l.text) != ""
}

package spec

import (
	"slices"

	"github.com/hashicorp/hcl/v2"
)

// A value that no source snippet may show (maskRanges: the values of
// sensitive variables written in files, the value of an undeclared name in
// a -var-file) is overwritten by '*' in place, so that ranges, JSON
// snippets' code and SARIF fingerprints stay valid. Text snippets print it
// as HiddenValueText instead, which reads as hidden rather than as a "*"
// written in the file: the masked copies of the files carry the spans in
// their Nav (hiddenNav), and HiddenSpans gives them back.

// HiddenValueText replaces a masked value in a text source snippet.
const HiddenValueText = "(value hidden)"

// hiddenNav is the Nav of a file copy whose values at spans are masked: it
// answers hcled's questions with the original navigation's answers.
type hiddenNav struct {
	nav   any
	spans []hcl.Range
}

func (n *hiddenNav) ContextString(offset int) string {
	if c, ok := n.nav.(interface{ ContextString(int) string }); ok {
		return c.ContextString(offset)
	}
	return ""
}

func (n *hiddenNav) ContextDefRange(offset int) hcl.Range {
	if c, ok := n.nav.(interface{ ContextDefRange(int) hcl.Range }); ok {
		return c.ContextDefRange(offset)
	}
	return hcl.Range{}
}

// withHidden returns nav with rng added to the hidden spans.
func withHidden(nav any, rng hcl.Range) any {
	h, ok := nav.(*hiddenNav)
	if !ok {
		h = &hiddenNav{nav: nav}
	} else {
		h = &hiddenNav{nav: h.nav, spans: slices.Clone(h.spans)}
	}
	spans := append(h.spans, rng)
	slices.SortFunc(spans, func(a, b hcl.Range) int { return a.Start.Byte - b.Start.Byte })
	// Merged where they overlap (a sensitive variable's value in a
	// -var-file is listed twice).
	h.spans = spans[:0]
	for _, s := range spans {
		if n := len(h.spans); n > 0 && s.Start.Byte < h.spans[n-1].End.Byte {
			if s.End.Byte > h.spans[n-1].End.Byte {
				h.spans[n-1].End = s.End
			}
			continue
		}
		h.spans = append(h.spans, s)
	}
	return h
}

// HiddenSpans returns the ranges of f whose values are masked because no
// snippet may show them, ordered by their start: a text snippet prints
// HiddenValueText in their place. It returns nil for a file without.
func HiddenSpans(f *hcl.File) []hcl.Range {
	if f == nil {
		return nil
	}
	if h, ok := f.Nav.(*hiddenNav); ok {
		return h.spans
	}
	return nil
}

// KeepHidden returns nav (the navigation of a copy of f) carrying the
// hidden spans of f, for code that copies a loaded file.
func KeepHidden(f *hcl.File, nav any) any {
	for _, rng := range HiddenSpans(f) {
		nav = withHidden(nav, rng)
	}
	return nav
}

package spec

import (
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// errorCount returns the number of errors in diags.
func errorCount(diags hcl.Diagnostics) int {
	n := 0
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			n++
		}
	}
	return n
}

// noteDropped records the labels of the top-level blocks of body that the
// root schema refuses (misspelt type, wrong number of labels).
func (l *loader) noteDropped(body *hclsyntax.Body) {
	for _, b := range body.Blocks {
		i := slices.IndexFunc(rootSchema.Blocks, func(s hcl.BlockHeaderSchema) bool { return s.Type == b.Type })
		if i >= 0 && len(b.Labels) == len(rootSchema.Blocks[i].LabelNames) {
			continue
		}
		l.dropped = append(l.dropped, b.Labels...)
		l.droppedUnnamed = l.droppedUnnamed || len(b.Labels) == 0
	}
}

// dropCascades removes the errors that a top-level block dropped for its
// misspelt type or missing label may cause elsewhere: references to it and
// -var values for it (a variable block). An error names the block by its
// label (quoted in its detail); after a dropped block without a label, whose
// names are unknown, every such error goes. A reference to another missing
// name stays reported.
func (l *loader) dropCascades(diags hcl.Diagnostics) hcl.Diagnostics {
	out := diags[:0:0]
	for _, d := range diags {
		if d.Severity == hcl.DiagError && (strings.HasPrefix(d.Summary, "Reference to undeclared ") ||
			d.Summary == "Value for undeclared variable") && (l.droppedUnnamed || l.namesDropped(d.Detail)) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// namesDropped reports whether detail quotes the label of a dropped block.
func (l *loader) namesDropped(detail string) bool {
	return slices.ContainsFunc(l.dropped, func(label string) bool { return strings.Contains(detail, strconv.Quote(label)) })
}

// failedAttr names an attribute of a block by the block's declaration
// range.
type failedAttr struct {
	decl hcl.Range
	name string
}

// noteFailed records that the attribute name of the block declared at
// decl had a value of the wrong type, reported already.
func (l *loader) noteFailed(decl hcl.Range, name string) {
	l.failed[failedAttr{decl, name}] = true
}

// anyFailed reports whether one of the named attributes of the block
// declared at decl had an invalid value: a check that the block lacks
// them would only repeat that error ("Empty lifecycle rule" after
// expiration_days = "30d").
func (l *loader) anyFailed(decl hcl.Range, names ...string) bool {
	return slices.ContainsFunc(names, func(n string) bool { return l.failed[failedAttr{decl, n}] })
}

// misspeltIn reports whether an "Unsupported argument" error inside body
// already suggests name (`regoin = ...`: Did you mean "region"?), so that
// name's "Missing required argument" would repeat it.
func (l *loader) misspeltIn(body hcl.Range, name string) bool {
	suffix := " Did you mean " + strconv.Quote(name) + "?"
	return slices.ContainsFunc(l.diags, func(d *hcl.Diagnostic) bool {
		return d.Summary == "Unsupported argument" && d.Subject != nil && strings.HasSuffix(d.Detail, suffix) &&
			d.Subject.Filename == body.Filename && body.ContainsOffset(d.Subject.Start.Byte)
	})
}

// bodyRange returns the range of a block's body (braces included), or
// its declaration range when the body is not native syntax.
func bodyRange(b *hcl.Block) hcl.Range {
	if sb, ok := b.Body.(*hclsyntax.Body); ok {
		return sb.SrcRange
	}
	return b.DefRange
}

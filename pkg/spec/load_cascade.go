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

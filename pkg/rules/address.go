package rules

import (
	"path/filepath"

	"github.com/hashicorp/hcl/v2"
)

// fillAddresses gives each finding without an address the address of the
// innermost spec block (in the inspect document) whose range holds the
// finding's start, so that ignore blocks can target addresses.
// The document is built only when a finding needs it.
func fillAddresses(fs []*Finding, doc func() map[string]any) {
	var blocks []addressed
	for _, f := range fs {
		if f.Address != "" {
			continue
		}
		if blocks == nil {
			blocks = collectBlocks(doc(), []addressed{})
		}
		best := -1
		for i, b := range blocks {
			if contains(b.rng, f.Range) && (best < 0 || size(b.rng) < size(blocks[best].rng)) {
				best = i
			}
		}
		if best >= 0 {
			f.Address = blocks[best].address
		}
	}
}

type addressed struct {
	address string
	rng     hcl.Range
}

func collectBlocks(v any, acc []addressed) []addressed {
	switch x := v.(type) {
	case map[string]any:
		if addr, ok := x["address"].(string); ok && addr != "" {
			if _, isDoc := x["content"]; !isDoc {
				if rng, ok := decodeRange(x["range"]); ok {
					acc = append(acc, addressed{addr, rng})
				}
			}
		}
		for k, e := range x {
			if k == "documents" || k == "range" || k == "decl_range" {
				continue
			}
			acc = collectBlocks(e, acc)
		}
	case []any:
		for _, e := range x {
			acc = collectBlocks(e, acc)
		}
	}
	return acc
}

func contains(outer, inner hcl.Range) bool {
	return filepath.Clean(outer.Filename) == filepath.Clean(inner.Filename) &&
		outer.Start.Byte <= inner.Start.Byte && inner.Start.Byte <= outer.End.Byte
}

func size(r hcl.Range) int { return r.End.Byte - r.Start.Byte }

package rules

import (
	"bytes"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hcled"

	"github.com/teramot/teramotc/pkg/spec"
)

// compact drops what the report of a linted spec no longer needs, so that a
// run over thousands of specs holds only their sources and findings: the
// model (Loaded), each file's syntax tree, and the expressions and evaluation
// contexts of diagnostics. A file keeps its bytes, for snippets, and the
// block context ("bucket \"data\"") of every position the report shows.
func (res *SpecResult) compact() {
	starts := map[string][]int{}
	for _, f := range res.Findings {
		starts[f.Range.Filename] = append(starts[f.Range.Filename], f.Range.Start.Byte)
	}
	for i, d := range res.Diagnostics {
		if d.Expression == nil && d.EvalContext == nil && d.Subject == nil {
			continue
		}
		c := *d
		c.Expression, c.EvalContext = nil, nil
		res.Diagnostics[i] = &c
		if d.Subject != nil {
			starts[d.Subject.Filename] = append(starts[d.Subject.Filename], d.Subject.Start.Byte)
		}
	}
	for name, f := range res.Files {
		if f == nil || (res.cfg != nil && f == res.cfg.File) {
			continue // the configuration is shared by every spec of its directory
		}
		nav := contextNav{}
		for _, b := range starts[name] {
			if _, ok := nav[b]; !ok {
				nav[b] = hcled.ContextString(f, b)
			}
		}
		// The masked values' spans go along: text snippets say they are hidden.
		res.Files[name] = &hcl.File{Bytes: bytes.Clone(f.Bytes), Nav: spec.KeepHidden(f, nav)}
	}
	res.Loaded = nil
}

// contextNav answers hcled.ContextString for the byte offsets recorded by
// compact.
type contextNav map[int]string

func (n contextNav) ContextString(offset int) string { return n[offset] }

// selectionCache shares one selection, and one list of enabled rules, among
// the specs that use the same configuration.
type selectionCache struct {
	set  *Set
	opts LintOptions
	mu   sync.Mutex
	sels map[*Config]*selection
	ens  map[*Config][]*Rule
}

func newSelectionCache(s *Set, opts LintOptions) *selectionCache {
	return &selectionCache{set: s, opts: opts, sels: map[*Config]*selection{}, ens: map[*Config][]*Rule{}}
}

func (c *selectionCache) get(cfg *Config) (*selection, []*Rule) {
	c.mu.Lock()
	defer c.mu.Unlock()
	sel, ok := c.sels[cfg]
	if !ok {
		sel = c.set.selection(cfg, c.opts)
		c.sels[cfg], c.ens[cfg] = sel, sel.enabledRules()
	}
	return sel, c.ens[cfg]
}

package rules

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

// FindConfig returns the .teramotc.hcl of the spec at specPath, or "" when
// there is none. It looks in one directory only: specPath itself, or the
// directory of a single-file spec, the same root the spec's files are
// confined to. It never walks up to parent directories (a checkout's root,
// $HOME): a spec is configured only by what it contains, and a
// configuration shared by several specs is named with -config. A symbolic
// link is returned as found; loading refuses it when it leads outside the
// directory.
func FindConfig(specPath string) string {
	dir := specPath
	if st, err := os.Stat(specPath); err == nil && !st.IsDir() {
		dir = filepath.Dir(specPath)
	}
	p := filepath.Join(dir, ConfigFileName)
	if _, err := os.Lstat(p); err == nil {
		return p
	}
	return ""
}

// loadSpecConfig loads a .teramotc.hcl found by FindConfig. Unlike a file
// the user named, it is confined to its spec's directory: a file that
// resolves through symbolic links outside it is refused before it is
// opened, as pkg/spec refuses such spec files. The refusal has no location:
// a source snippet would print the file outside.
func loadSpecConfig(filename string, set *Set) (*Config, hcl.Diagnostics) {
	root := filepath.Dir(filename)
	if d := spec.Confine(filename, root, nil); d != nil {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Configuration file outside the spec root",
			Detail: fmt.Sprintf("%s is a symbolic link to a file outside the spec directory %s; lint reads no file outside a spec's root, "+
				"so it did not read this one. Replace the link with a copy of the file, or name the file with -config FILE "+
				"(or TERAMOTC_CONFIG) if you trust it.", filename, root),
		}}
	}
	if d := unreadable(filename, fmt.Sprintf("Make %s a readable HCL file, or delete it.", filename)); d != nil {
		return nil, hcl.Diagnostics{d}
	}
	return loadConfig(filename, set)
}

// unreadable explains why filename cannot be read as a configuration file,
// or returns nil. The diagnostic has no location: there is no source to
// point at.
func unreadable(filename, help string) *hcl.Diagnostic {
	st, err := os.Stat(filename)
	var problem string
	switch {
	case err != nil:
		problem = err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			problem = pe.Err.Error()
		}
	case st.IsDir():
		problem = "is a directory"
	case !st.Mode().IsRegular():
		problem = "not a regular file"
	default:
		return nil
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  fmt.Sprintf("cannot read configuration file %s: %s", filename, problem),
		Detail:   help,
	}
}

// hintAddresses rewrites the TMC903 finding of the ignore block d, built by
// directiveFindings, when one of its addresses is a near miss of the
// address of a finding of its rule (or of a block that contains one) in the
// specs that use cfg: `did you mean "bucket.logs"?` for "bucket.log".
func hintAddresses(found []*Finding, d *directive, cfg *Config, results []*SpecResult) {
	if len(d.addresses) == 0 || len(d.ids) != 1 {
		return
	}
	seen := map[string]bool{}
	for _, res := range results {
		if res == nil || res.cfg != cfg {
			continue
		}
		for _, f := range res.Findings {
			if f.Rule.ID != d.ids[0] {
				continue
			}
			// the address and its parents with at least two parts
			for a := f.Address; strings.Contains(a, "."); a = a[:strings.LastIndexByte(a, '.')] {
				seen[a] = true
			}
		}
	}
	known := make([]string, 0, len(seen))
	for a := range seen {
		known = append(known, a)
	}
	sort.Strings(known)
	for _, f := range found {
		if f.Rule != RuleSuppressionUnused {
			continue
		}
		for _, a := range d.addresses {
			if near := spec.Suggest(a, known); near != "" {
				f.Message = fmt.Sprintf("Ignore block of %s matches no finding: no %s finding has the address %q. Did you mean %q? Correct the address (the finding it was meant to hide still counts), or delete the address if nothing there needs hiding.",
					d.ids[0], d.ids[0], a, near)
				break
			}
		}
	}
}

// ignoreScope is where the TMC903 of an ignore block points: the value of
// its addresses attribute, else of its paths attribute (what matched
// nothing), else the block's header.
func ignoreScope(content *hcl.BodyContent, block hcl.Range) hcl.Range {
	for _, name := range []string{"addresses", "paths"} {
		if attr := content.Attributes[name]; attr != nil {
			return attr.Expr.Range()
		}
	}
	return block
}

// suggestValue returns ` Did you mean "x"?` for the option given most
// likely misspells (spec.Suggest), or "".
func suggestValue(given string, options []string) string {
	if s := spec.Suggest(given, options); s != "" {
		return fmt.Sprintf(" Did you mean %q?", s)
	}
	return ""
}

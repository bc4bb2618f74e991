package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/rules"
)

// lintFilter is lint's -filter FILE: the files whose findings and
// warnings the report keeps, as real absolute paths (realPath), each with
// the path as given. Lint still evaluates the whole of each spec, as rules
// read all of it.
type lintFilter struct {
	given []string
	real  map[string]string // realPath: as given
}

func newLintFilter(files []string) *lintFilter {
	if len(files) == 0 {
		return nil
	}
	f := &lintFilter{given: files, real: map[string]string{}}
	for _, name := range files {
		f.real[realPath(name)] = name
	}
	return f
}

// has reports whether name, a file name of the report (relative to the
// working directory, as lint prints it, or absolute), is a filtered file.
func (f *lintFilter) has(name string) bool {
	_, ok := f.real[realPath(name)]
	return name != "" && ok
}

// unknown returns the diagnostic of the -filter files that name no file
// of the report r (a spec file, var file or configuration file of the
// specs linted), nil when each names one.
func (f *lintFilter) unknown(r *view.LintReport, specs []string) hcl.Diagnostics {
	known := map[string]bool{}
	for name := range r.Files {
		known[realPath(name)] = true
	}
	var missing, outside []string
	for _, name := range f.given {
		switch {
		case known[realPath(name)]:
		case !isRegularFile(name):
			missing = append(missing, name)
		default:
			outside = append(outside, name)
		}
	}
	if len(missing)+len(outside) == 0 {
		return nil
	}
	var parts []string
	if len(missing) > 0 {
		parts = append(parts, fmt.Sprintf("%s %s not a file (paths are relative to the working directory).",
			strings.Join(quoteAll(missing), ", "), plural(len(missing), "is", "are")))
	}
	if len(outside) > 0 {
		parts = append(parts, fmt.Sprintf("%s %s not a file of the specs linted (%s).",
			strings.Join(quoteAll(outside), ", "), plural(len(outside), "is", "are"), strings.Join(specs, ", ")))
	}
	return lintUsageDiag("Unknown -filter file",
		strings.Join(parts, " ")+" Give -filter a spec, variable or configuration file of the specs linted, as lint prints its name, or lint the spec that holds it.")
}

// apply keeps in r the findings in the filtered files, the warnings whose
// range is in one of them or that have none, and, whichever file they are
// in, every error and every finding of a hard rule: an error stops the
// lint of its spec, so that the findings of the filtered files are
// incomplete, and a hard finding is what AWS rejects, so that the spec
// cannot be applied (lint must fail as validate does). r.Files keeps the
// filtered files and those of the kept diagnostics and findings, for
// snippets (and junit's passing test cases).
func (f *lintFilter) apply(r *view.LintReport) {
	r.Findings = slices.DeleteFunc(r.Findings, func(fd *rules.Finding) bool { return !fd.Hard() && !f.has(fd.Range.Filename) })
	kept := hcl.Diagnostics{}
	for _, d := range r.Errors {
		if d.Severity == hcl.DiagError || d.Subject == nil || d.Subject.Filename == "" || f.has(d.Subject.Filename) {
			kept = append(kept, d)
		}
	}
	r.Errors = kept
	for name := range r.Files {
		if !f.has(name) &&
			!slices.ContainsFunc(kept, func(d *hcl.Diagnostic) bool { return d.Subject != nil && d.Subject.Filename == name }) &&
			!slices.ContainsFunc(r.Findings, func(fd *rules.Finding) bool { return fd.Range.Filename == name }) {
			delete(r.Files, name)
		}
	}
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

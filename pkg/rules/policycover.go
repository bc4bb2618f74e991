package rules

import (
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/tester"
)

// Coverage collects the coverage of a policy test run (TestOptions.Coverage)
// with OPA's cover package, as "opa test --coverage" does.
type Coverage struct {
	cov     *cover.Cover
	modules map[string]*ast.Module // the files reported on
}

// NewCoverage returns a Coverage to give a run in TestOptions.Coverage.
func NewCoverage() *Coverage { return &Coverage{cov: cover.New()} }

// track makes the runner trace coverage, on the policy files the run is
// about: the non-test modules of the custom directories (mods[builtin:]),
// and those of the built-in policies when builtinToo. Test files are left
// out: they are run, not tested, and would lift the figure.
func (c *Coverage) track(r *tester.Runner, mods []*Module, builtin int, builtinToo bool) *tester.Runner {
	c.modules = map[string]*ast.Module{}
	for i, m := range mods {
		if !m.Test && (i >= builtin || builtinToo) {
			c.modules[m.File] = m.Parsed
		}
	}
	return r.SetCoverageQueryTracer(c.cov)
}

// Report returns the coverage of the run, per policy file (the files with
// nothing to cover are left out), with the totals over those files. It is
// the report "opa test --coverage" prints, for the files under test only.
func (c *Coverage) Report() cover.Report {
	full := c.cov.Report(c.modules)
	out := cover.Report{Files: map[string]*cover.FileReport{}}
	for name, fr := range full.Files {
		if _, ok := c.modules[name]; !ok || fr.CoveredLines+fr.NotCoveredLines == 0 {
			continue
		}
		out.Files[name] = fr
		out.CoveredLines += fr.CoveredLines
		out.NotCoveredLines += fr.NotCoveredLines
	}
	if total := out.CoveredLines + out.NotCoveredLines; total > 0 {
		out.Coverage = 100 * float64(out.CoveredLines) / float64(total)
	}
	return out
}

// NotCoveredSpans returns the rows of fr that no test reached, as
// [first, last] spans in order.
func NotCoveredSpans(fr *cover.FileReport) [][2]int {
	var rows []int
	for _, r := range fr.NotCovered {
		for row := r.Start.Row; row <= r.End.Row; row++ {
			if !fr.IsCovered(row) {
				rows = append(rows, row)
			}
		}
	}
	slices.Sort(rows)
	rows = slices.Compact(rows)
	var spans [][2]int
	for _, row := range rows {
		if n := len(spans); n > 0 && spans[n-1][1] == row-1 {
			spans[n-1][1] = row
			continue
		}
		spans = append(spans, [2]int{row, row})
	}
	return spans
}

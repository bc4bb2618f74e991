package view

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/cover"

	"github.com/teramot/teramotc/pkg/rules"
)

// writeCoverageText writes the coverage of a policy test run after its
// pretty report: the total, then one line per file with the lines no test
// reached.
func writeCoverageText(w io.Writer, r cover.Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "\nCoverage: %s (%s)\n", percent(r.Coverage), lineCount(r.CoveredLines, r.NotCoveredLines))
	names := sortedFiles(r)
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	for _, n := range names {
		fr := r.Files[n]
		fmt.Fprintf(&b, "  %-*s  %7s  %s", width, n, percent(fr.Coverage), lineCount(fr.CoveredLines, fr.NotCoveredLines))
		if spans := notCovered(fr); spans != "" {
			b.WriteString(", not covered: " + spans)
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeBelowThreshold reports coverage below -threshold, with the lines
// that no test reached.
func writeBelowThreshold(w io.Writer, r cover.Report, threshold float64) {
	WriteError(w, "Coverage below threshold", belowThresholdDetail(r, threshold))
}

// belowThresholdDetail says that the coverage of r is below threshold,
// with the lines that no test reached.
func belowThresholdDetail(r cover.Report, threshold float64) string {
	var lines []string
	for _, n := range sortedFiles(r) {
		if spans := notCovered(r.Files[n]); spans != "" {
			lines = append(lines, n+": "+spans)
		}
	}
	detail := fmt.Sprintf("The tests reach %s of the policies' lines, below -threshold=%s.", percent(r.Coverage), trimFloat(threshold))
	if len(lines) > 0 {
		detail += " Lines no test reaches:\n  " + strings.Join(lines, "\n  ") + "\n"
	}
	detail += "Write tests that reach them, or lower -threshold."
	if r.CoveredLines+r.NotCoveredLines == 0 {
		detail = fmt.Sprintf("The policies tested have no line to cover, so coverage is 0%%, below -threshold=%s. Give the directory of the policies the tests are about.", trimFloat(threshold))
	}
	return detail
}

func sortedFiles(r cover.Report) []string {
	names := make([]string, 0, len(r.Files))
	for n := range r.Files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// notCovered is "12, 15-17": the rows of fr no test reached.
func notCovered(fr *cover.FileReport) string {
	var parts []string
	for _, s := range rules.NotCoveredSpans(fr) {
		if s[0] == s[1] {
			parts = append(parts, fmt.Sprint(s[0]))
		} else {
			parts = append(parts, fmt.Sprintf("%d-%d", s[0], s[1]))
		}
	}
	return strings.Join(parts, ", ")
}

func percent(p float64) string { return fmt.Sprintf("%.2f%%", p) }

func lineCount(covered, notCovered int) string {
	return fmt.Sprintf("%d of %d lines", covered, covered+notCovered)
}

// trimFloat prints 80 as "80" and 72.5 as "72.5".
func trimFloat(f float64) string { return strings.TrimSuffix(fmt.Sprintf("%g", f), ".0") }

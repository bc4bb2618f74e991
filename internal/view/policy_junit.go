package view

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/open-policy-agent/opa/v1/tester"
)

// policyJUnitSuite is the one testsuite (in a testsuites) of policy test -f junit: one
// testcase per test (classname its package, name its rule name, file its
// file), a failure for a failing test, an error for one that could not be
// evaluated, skipped for a todo_ test; the coverage, when asked for, as
// the properties teramotc.coverage (percent) and teramotc.coverage.FILE.
// With -threshold, the property teramotc.coverage.threshold and one more
// testcase, "coverage threshold" (classname teramotc.coverage), failing
// when the coverage is below it: the run fails then, and a report that
// only had passing tests would read as a green run.
type policyJUnitSuite struct {
	XMLName    xml.Name         `xml:"testsuite"`
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Skipped    int              `xml:"skipped,attr"`
	Time       string           `xml:"time,attr"`
	Properties *junitProperties `xml:"properties,omitempty"`
	Cases      []policyJUnitCase
}

type policyJUnitCase struct {
	XMLName   xml.Name      `xml:"testcase"`
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitProblem `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

func writePolicyTestJUnit(w io.Writer, results []*tester.Result, r PolicyTestReport) error {
	cov := r.Report
	s := policyJUnitSuite{Name: "teramotc policy test"}
	var total float64
	for _, r := range results {
		c := policyJUnitCase{
			Name:      r.Name,
			Classname: strings.TrimPrefix(r.Package, "data."),
			Time:      seconds(r.Duration.Seconds()),
			SystemOut: junitText(string(r.Output)),
		}
		total += r.Duration.Seconds()
		if r.Location != nil {
			c.File, c.Line = r.Location.File, r.Location.Row
		}
		where := c.File
		if c.Line > 0 {
			where += fmt.Sprintf(":%d", c.Line)
		}
		switch {
		case r.Error != nil:
			s.Errors++
			c.Error = &junitProblem{Message: "error", Type: "error", Text: junitText(where + ": " + r.Error.Error())}
		case r.Skip:
			s.Skipped++
			c.Skipped = &junitProblem{Message: "todo test"}
		case r.Fail:
			s.Failures++
			text := where + ": " + r.Name + " failed"
			if r.FailedAt != nil && r.FailedAt.Location != nil {
				text += fmt.Sprintf(" at %s:%d: %s", r.FailedAt.Location.File, r.FailedAt.Location.Row, r.FailedAt.String())
			}
			c.Failure = &junitProblem{Message: "fail", Type: "fail", Text: junitText(text)}
		}
		s.Cases = append(s.Cases, c)
	}
	s.Time = seconds(total)
	if cov != nil {
		props := []junitProperty{{"teramotc.coverage", fmt.Sprintf("%.2f", cov.Coverage)}}
		if r.Threshold != nil {
			props = append(props, junitProperty{"teramotc.coverage.threshold", trimFloat(*r.Threshold)})
			c := policyJUnitCase{Name: "coverage threshold", Classname: "teramotc.coverage", Time: seconds(0)}
			if r.belowThreshold() {
				s.Failures++
				c.Failure = &junitProblem{Message: "coverage below threshold", Type: "threshold",
					Text: junitText(belowThresholdDetail(*cov, *r.Threshold))}
			}
			s.Cases = append(s.Cases, c)
		}
		for _, n := range sortedFiles(*cov) {
			props = append(props, junitProperty{"teramotc.coverage." + n, fmt.Sprintf("%.2f", cov.Files[n].Coverage)})
		}
		s.Properties = &junitProperties{props}
	}
	s.Tests = len(s.Cases)
	out, err := xml.MarshalIndent(struct {
		XMLName  xml.Name `xml:"testsuites"`
		Name     string   `xml:"name,attr"`
		Tests    int      `xml:"tests,attr"`
		Failures int      `xml:"failures,attr"`
		Errors   int      `xml:"errors,attr"`
		Skipped  int      `xml:"skipped,attr"`
		Suite    policyJUnitSuite
	}{Name: s.Name, Tests: s.Tests, Failures: s.Failures, Errors: s.Errors, Skipped: s.Skipped, Suite: s}, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s%s\n", xml.Header, out)
	return err
}

func seconds(s float64) string { return fmt.Sprintf("%.3f", s) }

package view

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/rules"
	"github.com/teramot/teramotc/pkg/spec"
)

// JUnit XML in the shape GitLab, Jenkins and Azure DevOps read: one
// testsuite, one testcase per finding (a failure whose type is the
// severity when the finding fails the run at -fail-level, else skipped,
// as a suppressed finding is, so that a green lint shows no failed test;
// with -no-fail only hard-rule findings, which still exit 1, fail),
// one per spec error (an error), and a passing testcase per file without
// findings.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string `xml:"name,attr"`
	Tests    int    `xml:"tests,attr"`
	Failures int    `xml:"failures,attr"`
	Errors   int    `xml:"errors,attr"`
	Skipped  int    `xml:"skipped,attr"`
	// Properties holds the line of the rules the configuration disabled
	// or re-graded ("teramotc.configuration"), if any.
	Properties *junitProperties `xml:"properties,omitempty"`
	Cases      []junitCase      `xml:"testcase"`
}

type junitProperties struct {
	Property []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitProblem `xml:"skipped,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",cdata"`
}

func writeLintJUnit(w io.Writer, r *LintReport) error {
	s := junitSuite{Name: "teramotc", Cases: []junitCase{}}
	if line := r.overridesLine(); line != "" {
		s.Properties = &junitProperties{[]junitProperty{{"teramotc.configuration", line}}}
	}
	for _, d := range r.Errors {
		name := r.diagFile(d)
		c := junitCase{Name: name + ": " + d.Summary, Classname: name, File: name}
		if d.Subject != nil {
			c.Classname, c.File = d.Subject.Filename, d.Subject.Filename
			c.Name = fmt.Sprintf("%s: %s", lintDiagPos(d.Subject), d.Summary)
		}
		c.Error = &junitProblem{Message: lintDiagText(d), Type: lintDiagSeverity(d.Severity), Text: junitText(d.Detail)}
		s.Errors++
		s.Cases = append(s.Cases, c)
	}
	hit := map[string]bool{}
	for _, f := range r.visible() {
		hit[f.Range.Filename] = true
		c := junitCase{
			Name:      fmt.Sprintf("%s %s: %s:%d:%d", ruleID(f), ruleName(f), f.Range.Filename, f.Range.Start.Line, f.Range.Start.Column),
			Classname: f.Range.Filename,
			File:      f.Range.Filename,
		}
		p := &junitProblem{Message: lintOneLine(f.Message), Type: string(findingSeverity(f)), Text: junitDetail(f)}
		switch {
		case f.Suppression != nil:
			p.Message = "suppressed: " + lintDescribeSuppression(f.Suppression)
			c.Skipped, p.Type = p, ""
			s.Skipped++
		case len(rules.Blocking([]*rules.Finding{f}, r.FailLevel)) == 0:
			p.Message = fmt.Sprintf("%s below -fail-level %s: %s", findingSeverity(f),
				cmp.Or(r.FailLevel, rules.SeverityError), p.Message)
			c.Skipped, p.Type = p, ""
			s.Skipped++
		case r.NoFail && !f.Hard():
			p.Message = fmt.Sprintf("%s not failing with -no-fail: %s", findingSeverity(f), p.Message)
			c.Skipped, p.Type = p, ""
			s.Skipped++
		default:
			c.Failure = p
			s.Failures++
		}
		s.Cases = append(s.Cases, c)
	}
	if !r.Errors.HasErrors() {
		for _, name := range sortedFileNames(r.Files) {
			if !hit[name] {
				s.Cases = append(s.Cases, junitCase{Name: name, Classname: name, File: name})
			}
		}
	}
	s.Tests = len(s.Cases)
	doc := junitSuites{Name: "teramotc", Tests: s.Tests, Failures: s.Failures, Errors: s.Errors, Skipped: s.Skipped, Suites: []junitSuite{s}}
	return writeXML(w, doc)
}

// junitDetail is the body of a failure: location, message, remediation and
// reference, as a CI log shows it.
func junitDetail(f *rules.Finding) string {
	lines := []string{fmt.Sprintf("%s:%d:%d: %s - %s (%s)", f.Range.Filename, f.Range.Start.Line, f.Range.Start.Column, findingSeverity(f), f.Message, ruleID(f))}
	if f.Rule != nil && f.Rule.Remediation != "" {
		lines = append(lines, "Remediation: "+f.Rule.Remediation)
	}
	if f.Rule != nil && f.Rule.Link != "" {
		lines = append(lines, "Reference: "+f.Rule.Link)
	}
	return junitText(strings.Join(lines, "\n"))
}

// junitText is the CDATA body of a failure or error: sanitized, and with
// a line that would start with "::" guarded (neutralizeCommand), since
// CDATA keeps the newlines of text quoted from a spec and a GitHub runner
// reads the document on stdout line by line. The attributes need no
// guard: encoding/xml writes a newline in them as "&#xA;", so that they
// never start a line; checkstyle has attributes only.
func junitText(s string) string {
	return neutralizeCommands(lintSanitize(s))
}

// Checkstyle XML (version 4.3), as reviewdog and most CI plugins read it.
type checkstyleDoc struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

// checkstyleError is one problem; Line is left out when unknown (0), which
// checkstyle readers take as a problem of the whole file.
type checkstyleError struct {
	Line     int    `xml:"line,attr,omitempty"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

func writeLintCheckstyle(w io.Writer, r *LintReport) error {
	byFile := map[string][]checkstyleError{}
	for _, d := range r.Errors {
		var rng hcl.Range
		if d.Subject != nil {
			rng = *d.Subject
		}
		source := "teramotc." + string(r.origin(d).Cause)
		if id := spec.RuleID(d); id != "" {
			source = "teramotc." + id
		}
		name := r.diagFile(d)
		byFile[name] = append(byFile[name], checkstyleError{
			Line: rng.Start.Line, Column: rng.Start.Column, Severity: lintDiagSeverity(d.Severity), Message: lintDiagText(d), Source: source,
		})
	}
	for _, f := range r.visible() {
		sev := checkstyleSeverity(findingSeverity(f))
		msg := lintOneLine(f.Message)
		if f.Suppression != nil {
			sev, msg = "ignore", msg+" [suppressed: "+lintDescribeSuppression(f.Suppression)+"]"
		}
		byFile[f.Range.Filename] = append(byFile[f.Range.Filename], checkstyleError{
			Line: f.Range.Start.Line, Column: f.Range.Start.Column, Severity: sev, Message: msg, Source: "teramotc." + ruleID(f),
		})
	}
	doc := checkstyleDoc{Version: "4.3", Files: []checkstyleFile{}}
	for name, errs := range byFile {
		doc.Files = append(doc.Files, checkstyleFile{Name: name, Errors: errs})
	}
	slices.SortFunc(doc.Files, func(a, b checkstyleFile) int { return cmp.Compare(a.Name, b.Name) })
	return writeXML(w, doc)
}

func checkstyleSeverity(s rules.Severity) string {
	switch s {
	case rules.SeverityWarning:
		return "warning"
	case rules.SeverityNotice:
		return "info"
	}
	return "error"
}

// writeXML writes the XML header and v indented by two spaces, with a final
// newline.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func sortedFileNames(files map[string]*hcl.File) []string {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

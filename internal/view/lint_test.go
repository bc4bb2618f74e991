package view

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/pkg/rules"
)

func writeLintString(t *testing.T, format string, r *LintReport) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteLint(&buf, format, r); err != nil {
		t.Fatalf("WriteLint(%s): %v", format, err)
	}
	return buf.Bytes()
}

func TestLintGolden(t *testing.T) {
	for _, format := range LintFormats() {
		for _, show := range []bool{false, true} {
			name := format
			if show {
				name += "-suppressed"
			}
			t.Run(name, func(t *testing.T) {
				r := lintTestReport(t)
				r.ShowSuppressed = show
				r.SARIFIncludeSuppressed = show // SARIF lists suppressed findings only with it
				checkGolden(t, "lint/"+name+".golden", writeLintString(t, format, r))
			})
		}
	}
	t.Run("text-color", func(t *testing.T) {
		r := lintTestReport(t)
		r.Color, r.ShowSuppressed = true, true
		checkGolden(t, "lint/text-color.golden", writeLintString(t, "text", r))
	})
	t.Run("text-clean", func(t *testing.T) {
		r := lintTestReport(t)
		r.Findings, r.Errors = lintSuppressedOnly(r), nil
		checkGolden(t, "lint/text-clean.golden", writeLintString(t, "text", r))
	})
}

// lintSuppressedOnly returns the suppressed findings of r.
func lintSuppressedOnly(r *LintReport) []*rules.Finding {
	var out []*rules.Finding
	for _, f := range r.Findings {
		if f.Suppression != nil {
			out = append(out, f)
		}
	}
	return out
}

func TestWriteLintUnknownFormat(t *testing.T) {
	err := WriteLint(&bytes.Buffer{}, "yaml", lintTestReport(t))
	if err == nil || !strings.Contains(err.Error(), "text") {
		t.Fatalf("WriteLint(yaml) = %v, want an error naming the formats", err)
	}
}

func TestLintNoColorEscapes(t *testing.T) {
	for _, format := range LintFormats() {
		t.Run(format, func(t *testing.T) {
			r := lintTestReport(t)
			r.ShowSuppressed = true
			if out := writeLintString(t, format, r); bytes.Contains(out, []byte("\x1b")) {
				t.Errorf("escape sequence with Color=false:\n%q", out)
			}
		})
	}
	r := lintTestReport(t)
	r.Color = true
	if out := writeLintString(t, "text", r); !bytes.Contains(out, []byte(ansiUnderline)) {
		t.Errorf("Color=true: no underline in\n%s", out)
	}
}

func TestLintTextMarksRangeWithCarets(t *testing.T) {
	out := string(writeLintString(t, "text", lintTestReport(t)))
	want := "  2:   block_public_access = false\n" +
		"       ^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
	if !strings.Contains(out, want) {
		t.Errorf("text output lacks the marked snippet %q:\n%s", want, out)
	}
	for _, s := range []string{"To suppress: # teramotc:ignore TMC101 -- <reason>", "Reference: https://github.com/teramot/teramotc/blob/main/docs/rules.md#tmc101"} {
		if !strings.Contains(out, s) {
			t.Errorf("text output lacks %q", s)
		}
	}
	if strings.Contains(out, "ignore TMC302") {
		t.Errorf("text output offers to suppress the hard rule TMC302:\n%s", out)
	}
	if strings.Contains(out, "TMC401") {
		t.Errorf("suppressed TMC401 printed without ShowSuppressed:\n%s", out)
	}
}

func TestLintCompactLines(t *testing.T) {
	line := regexp.MustCompile(`^[^:]+:\d+:\d+: (error|warning|notice) - .+ \([A-Z0-9]+\)$`)
	out := strings.TrimSuffix(string(writeLintString(t, "compact", lintTestReport(t))), "\n")
	lines := strings.Split(out, "\n")
	if len(lines) != 7 { // 1 spec error + 6 unsuppressed findings
		t.Fatalf("got %d lines, want 7:\n%s", len(lines), out)
	}
	for _, l := range lines[1:] {
		if !line.MatchString(l) {
			t.Errorf("line %q does not match FILE:LINE:COL: SEVERITY - MESSAGE (ID)", l)
		}
	}
}

func TestLintJSONEmptyArrays(t *testing.T) {
	out := writeLintString(t, "json", &LintReport{})
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"issues", "errors"} {
		if arr, ok := doc[key].([]any); !ok || len(arr) != 0 {
			t.Errorf("%s = %#v, want []", key, doc[key])
		}
	}
	want := map[string]any{"errors": 0.0, "warnings": 0.0, "notices": 0.0, "suppressed": 0.0, "hard": 0.0}
	if diff := cmp.Diff(want, doc["summary"]); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	if doc["format_version"] != LintFormatVersion {
		t.Errorf("format_version = %v", doc["format_version"])
	}
}

func TestLintJSONSuppressed(t *testing.T) {
	for _, show := range []bool{false, true} {
		r := lintTestReport(t)
		r.ShowSuppressed = show
		doc := NewJSONLint(r)
		// 3 error findings and 1 spec error; TMC302 is hard.
		if doc.Summary.Suppressed != 1 || doc.Summary.Errors != 4 || doc.Summary.Warnings != 1 || doc.Summary.Notices != 2 || doc.Summary.Hard != 1 {
			t.Errorf("show=%v: summary = %+v", show, doc.Summary)
		}
		var sup int
		for _, is := range doc.Issues {
			if is.Suppression != nil {
				sup++
				if is.Suppression.Until == nil || *is.Suppression.Until != "2027-01-31" || is.Suppression.Source.Start.Line != 5 {
					t.Errorf("suppression = %+v", is.Suppression)
				}
			}
		}
		if want := map[bool]int{false: 0, true: 1}[show]; sup != want || len(doc.Issues) != 6+want {
			t.Errorf("show=%v: %d issues, %d suppressed; want %d, %d", show, len(doc.Issues), sup, 6+want, want)
		}
	}
}

func TestLintXMLWellFormed(t *testing.T) {
	r := lintTestReport(t)
	r.ShowSuppressed = true
	// junit: findings below -fail-level are skipped, not failed, like the
	// suppressed one (3 errors, 2 warnings or notices, 1 suppressed). With
	// -no-fail only the hard one (TMC302), which still exits 1, fails.
	for _, tc := range []struct {
		failLevel         rules.Severity
		noFail            bool
		failures, skipped int
	}{
		{"", false, 3, 4},
		{rules.SeverityError, false, 3, 4},
		{rules.SeverityWarning, false, 4, 3},
		{rules.SeverityNotice, false, 6, 1},
		{rules.SeverityNotice, true, 1, 6},
		{rules.SeverityError, true, 1, 6},
	} {
		r.FailLevel, r.NoFail = tc.failLevel, tc.noFail
		var ju junitSuites
		if err := xml.Unmarshal(writeLintString(t, "junit", r), &ju); err != nil {
			t.Fatal(err)
		}
		s := ju.Suites[0]
		if len(ju.Suites) != 1 || s.Tests != len(s.Cases) || s.Failures != tc.failures || s.Errors != 1 || s.Skipped != tc.skipped {
			t.Errorf("-fail-level %q -no-fail=%v: junit counts: suites=%d tests=%d cases=%d failures=%d errors=%d skipped=%d; want failures=%d skipped=%d",
				tc.failLevel, tc.noFail, len(ju.Suites), s.Tests, len(s.Cases), s.Failures, s.Errors, s.Skipped, tc.failures, tc.skipped)
		}
	}
	r.FailLevel, r.NoFail = "", false
	var cs checkstyleDoc
	if err := xml.Unmarshal(writeLintString(t, "checkstyle", r), &cs); err != nil {
		t.Fatal(err)
	}
	var n int
	for _, f := range cs.Files {
		n += len(f.Errors)
	}
	if cs.Version != "4.3" || len(cs.Files) != 2 || n != 8 {
		t.Errorf("checkstyle: version %q, %d files, %d errors; want 4.3, 2, 8", cs.Version, len(cs.Files), n)
	}
}

func TestGitHubEscaping(t *testing.T) {
	tests := []struct {
		name, in, data, prop string
	}{
		{"plain", "bucket data", "bucket data", "bucket data"},
		{"percent", "100% public", "100%25 public", "100%25 public"},
		{"newlines", "a\r\nb\nc", "a%0D%0Ab%0Ac", "a%0D%0Ab%0Ac"},
		{"colon and comma", "TMC101 a:b,c", "TMC101 a:b,c", "TMC101 a%3Ab%2Cc"},
		{"already escaped", "%0A", "%250A", "%250A"},
		{"double colon", "::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := gitHubEscapeData(tt.in); got != tt.data {
				t.Errorf("data: got %q, want %q", got, tt.data)
			}
			if got := gitHubEscapeProperty(tt.in); got != tt.prop {
				t.Errorf("property: got %q, want %q", got, tt.prop)
			}
		})
	}
}

func TestLintGitHubCommands(t *testing.T) {
	out := string(writeLintString(t, "github", lintTestReport(t)))
	want := "::error file=main.hcl,line=2,col=3,endLine=2,endColumn=30,title=TMC101 public-access-block::bucket \"data\" does not block public access\n"
	if !strings.Contains(out, want) {
		t.Errorf("github output lacks\n%s\ngot:\n%s", want, out)
	}
	if n := strings.Count(out, "\n"); n != 7 {
		t.Errorf("got %d commands, want 7 (1 spec error, 6 findings):\n%s", n, out)
	}
}

func TestSortFindings(t *testing.T) {
	r := lintTestReport(t) // findings deliberately out of order
	SortFindings(r.Findings)
	var got []string
	for _, f := range r.Findings {
		got = append(got, fmt.Sprintf("%s:%d:%d %s", f.Range.Filename, f.Range.Start.Line, f.Range.Start.Column, f.Rule.ID))
	}
	want := []string{
		"main.hcl:1:1 ACME1", "main.hcl:1:1 TMC304", "main.hcl:2:3 TMC101", "main.hcl:3:3 TMC301",
		"main.hcl:6:3 TMC401", "main.hcl:10:7 TMC302", "main.hcl:18:23 TMC602",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}

func TestLintSanitizesControlCharacters(t *testing.T) {
	r := lintTestReport(t)
	r.Findings = r.Findings[:1]
	r.Findings[0].Message = "bucket \"\x1b[31mred\x00\" is \x9bpublic\nsecond line"
	r.Errors = nil
	for _, format := range []string{"text", "compact", "junit", "checkstyle", "github"} {
		out := writeLintString(t, format, r)
		if bytes.ContainsAny(out, "\x1b\x00") || bytes.Contains(out, []byte("\u009b")) {
			t.Errorf("%s: control characters reach the output:\n%q", format, out)
		}
	}
	if got := lintSanitize("a\tb\nc\x07d\xffe"); got != "a\tb\nc?d?e" {
		t.Errorf("lintSanitize = %q", got)
	}
}

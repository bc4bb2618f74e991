package view

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/rules"
)

// FuzzGitHubEscape checks that escaped values cannot end a property or
// start a new workflow command.
func FuzzGitHubEscape(f *testing.F) {
	for _, s := range []string{"plain", "a:b,c", "100%", "x\r\n::error::y", "%0A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if p := gitHubEscapeProperty(s); strings.ContainsAny(p, ",:\r\n") {
			t.Errorf("property %q escaped to %q", s, p)
		}
		if d := gitHubEscapeData(s); strings.ContainsAny(d, "\r\n") {
			t.Errorf("data %q escaped to %q", s, d)
		}
	})
}

// FuzzLintFormats feeds findings with arbitrary messages, addresses, file
// names and ranges (inside or outside the file) to every format: none may
// fail or panic, the machine formats must stay parseable, and the formats
// read in a terminal or a CI log (text, compact, github) must not carry a
// character needsEscape reports other than newline and tab.
func FuzzLintFormats(f *testing.F) {
	f.Add("bucket \"data\" is public", "bucket.data", "main.hcl", 2, 3, 2, 30, 20, 47)
	f.Add("a\nb\r\n<x>&]]>", "", "", 0, 0, 0, 0, -1, 0)
	f.Add("::error::%", "role.x", "a,b:c%0A.hcl", 99, 1, 100, 5, 5000, 6000)
	f.Add("\x00\x1b[31m\x7f", "x", "\x1b]8;;x\a.hcl", 1, 1, 1, 2, 0, 1)
	f.Add("a\ufffeb\uffff", "bucket.\u009b2J", "\u202emain.hcl", 1, 1, 1, 2, 0, 1)
	f.Add("\u2066x\u2069\u2028\u0085", "a\u202eb\xff", "extra.hcl", 1, 1, 1, 2, 0, 1)
	f.Fuzz(func(t *testing.T, msg, addr, file string, sl, sc, el, ec, sb, eb int) {
		r := lintTestReport(t)
		r.ShowSuppressed = true
		r.Findings = append(r.Findings, &rules.Finding{
			Rule:    lintTestRules["TMC101"],
			Message: msg,
			Address: addr,
			Range: hcl.Range{Filename: file,
				Start: hcl.Pos{Line: sl, Column: sc, Byte: sb},
				End:   hcl.Pos{Line: el, Column: ec, Byte: eb}},
		})
		for _, format := range LintFormats() {
			out := writeLintString(t, format, r)
			switch format {
			case "json", "sarif":
				if !json.Valid(out) {
					t.Errorf("%s: invalid JSON", format)
				}
			case "junit", "checkstyle":
				var v struct{}
				if err := xml.Unmarshal(out, &v); err != nil {
					t.Errorf("%s: %v", format, err)
				}
			case "text", "compact", "github":
				checkNoEscapes(t, format, string(out))
			}
		}
	})
}

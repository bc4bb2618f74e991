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

// FuzzLintFormats feeds findings with arbitrary messages and ranges (inside
// or outside the file) to every format: none may fail or panic, and the
// machine formats must stay parseable.
func FuzzLintFormats(f *testing.F) {
	f.Add("bucket \"data\" is public", "bucket.data", 2, 3, 2, 30, 20, 47)
	f.Add("a\nb\r\n<x>&]]>", "", 0, 0, 0, 0, -1, 0)
	f.Add("::error::%", "role.x", 99, 1, 100, 5, 5000, 6000)
	f.Add("\x00\x1b[31m\x7f", "x", 1, 1, 1, 2, 0, 1)
	f.Fuzz(func(t *testing.T, msg, addr string, sl, sc, el, ec, sb, eb int) {
		r := lintTestReport(t)
		r.ShowSuppressed = true
		r.Findings = append(r.Findings, &rules.Finding{
			Rule:    lintTestRules["TMC101"],
			Message: msg,
			Address: addr,
			Range: hcl.Range{Filename: "main.hcl",
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
				if err := xml.Unmarshal(out, &v); err != nil && strings.ToValidUTF8(msg, "") == msg {
					t.Errorf("%s: %v", format, err)
				}
			}
		}
	})
}

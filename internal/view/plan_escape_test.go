package view

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/teramot/teramotc/pkg/apply"
)

func TestEscapeControls(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", `bucket "a\b" ✓`, `bucket "a\b" ✓`},
		{"escape sequence", "x\x1b[31mred", `x\x1b[31mred`},
		{"newline and workflow command", "a\n::error::pwned", `a\n::error::pwned`},
		{"carriage return, tab, DEL", "a\rb\tc\x7f", `a\rb\tc\x7f`},
		{"C1 CSI", "a\u009b31m", `a\u009b31m`},
		{"bidi override", "admin\u202eevil", `admin\u202eevil`},
		{"line separator", "a\u2028b", `a\u2028b`},
		{"invalid UTF-8", "a\xffb", `a\xffb`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := escapeControls(tc.in); got != tc.want {
				t.Errorf("escapeControls(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// hostilePlan is a plan file's plan whose every string holds control
// characters, as a crafted file could.
func hostilePlan() *apply.Plan {
	evil := "x\x1b]0;owned\x07\n::error::forged\u202e|`"
	return &apply.Plan{Account: "1111\x1b[2J", Warnings: []string{"w\x1b[31m\n::warning::x"}, Changes: []*apply.Change{{
		Type: "bucket" + evil, Name: evil, Owner: evil, Address: "bucket." + evil, Action: apply.ActionUpdate,
		Risk: "tighten" + evil, Reason: "because" + evil, Step: 4, Unsupported: evil,
		Before: map[string]any{"Tags" + evil: "a\u009b", "Statement": nil},
		After:  map[string]any{evil: evil, "Policy": map[string]any{"Statement": []any{map[string]any{"Sid": evil, "Effect": "Allow\x7f"}}}},
	}}}
}

func TestPlanOutputEscapesControls(t *testing.T) {
	p := hostilePlan()
	for _, format := range []string{"text", "markdown"} {
		t.Run(format, func(t *testing.T) {
			var b bytes.Buffer
			if format == "text" {
				WritePlanText(&b, p, false)
			} else {
				WritePlanMarkdown(&b, p)
			}
			checkInert(t, b.String(), format == "markdown")
			if !strings.Contains(b.String(), `\x1b]0;owned\x07\n::error::forged\u202e`) {
				t.Errorf("the escaped name is not shown:\n%s", b.String())
			}
		})
	}
}

// checkInert fails when out holds a control character other than a
// newline, a bidirectional control, a line starting with "::" (a GitHub
// workflow command), or, for markdown, a table row with more cells than
// the header.
func checkInert(t *testing.T, out string, markdown bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("invalid UTF-8 in output:\n%q", out)
	}
	for _, r := range out {
		if r != '\n' && needsEscape(r) {
			t.Fatalf("control character %U in output:\n%q", r, out)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "::") {
			t.Errorf("a line starts a workflow command: %q", l)
		}
		if markdown && strings.HasPrefix(l, "| `") {
			if n := strings.Count(l, "|") - strings.Count(l, `\|`); n != 7 {
				t.Errorf("table row with %d cell separators, want 7: %q", n, l)
			}
		}
	}
}

// FuzzShowPlanFile: any plan file that apply.ParsePlanFile accepts prints
// as text and markdown without panicking, and nothing in it reaches the
// output as a control character, a forged line or a broken table row.
func FuzzShowPlanFile(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "pkg", "apply", "testdata", "planfiles", "*.json"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"format_version":"1.0","spec":"/x","plan":null}`))
	f.Add([]byte(`{"format_version":"1.0","spec":"/x","plan":{"changes":[null]}}`))
	f.Add([]byte("{\"format_version\":\"2.0\",\"spec\":\"/x\",\"plan\":{\"account\":\"1\",\"warnings\":[\"\\u001b[2J\"],\"changes\":[" +
		"{\"type\":\"bucket\",\"name\":\"a\\n::error::x\",\"address\":\"b|`c\",\"action\":\"update\",\"risk\":\"\\u202e\",\"reason\":\"\\u009b\"," +
		"\"before\":{\"Statement\":[{\"Sid\":\"\\u0007\"}]},\"after\":{\"Statement\":\"x\"}}]}}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		sp, ok, err := apply.ParsePlanFile("p.json", b)
		if !ok || err != nil {
			return
		}
		var text, md bytes.Buffer
		WritePlanText(&text, sp.Plan, false)
		WritePlanMarkdown(&md, sp.Plan)
		checkInert(t, text.String(), false)
		checkInert(t, md.String(), true)
	})
}

package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzSuppressions feeds arbitrary files to the suppression-comment parser.
// It must never panic; every comment that looks like a suppression either
// becomes a directive naming at least one suppressible rule with a reason, or
// a TMC901 finding inside the file.
func FuzzSuppressions(f *testing.F) {
	for _, s := range suppressionSeeds(f) {
		f.Add(s)
	}
	set, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const name = "main.hcl"
		file, _ := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
		if file == nil {
			file = &hcl.File{Bytes: src, Body: hcl.EmptyBody()}
		}
		dirs, bad := parseInline(file, name, nil, set)
		lines := strings.Count(string(src), "\n") + 1
		for _, d := range dirs {
			if len(d.ids) == 0 {
				t.Fatalf("directive at %s names no rule", d.source)
			}
			for _, id := range d.ids {
				if msg := suppressible(id, set.Rule); msg != "" {
					t.Fatalf("directive at %s names %s: %s", d.source, id, msg)
				}
			}
			if strings.TrimSpace(d.reason) == "" {
				t.Fatalf("directive at %s has no reason", d.source)
			}
			if d.until != "" {
				if _, err := time.Parse(time.DateOnly, d.until); err != nil {
					t.Fatalf("directive at %s has until=%q", d.source, d.until)
				}
			}
			checkRange(t, d.source, name, lines)
			if d.target.Start.Line > d.target.End.Line {
				t.Fatalf("directive at %s targets lines %d-%d", d.source, d.target.Start.Line, d.target.End.Line)
			}
		}
		for _, b := range bad {
			if b.Rule != RuleSuppressionMalformed || b.Message == "" {
				t.Fatalf("malformed suppression reported as %s %q", b.Rule.ID, b.Message)
			}
			checkRange(t, b.Range, name, lines)
		}
		starts := map[int]bool{}
		for _, d := range dirs {
			starts[d.source.Start.Byte] = true
		}
		for _, b := range bad {
			starts[b.Range.Start.Byte] = true
		}
		tokens, _ := hclsyntax.LexConfig(src, name, hcl.InitialPos)
		for _, tok := range tokens {
			if tok.Type != hclsyntax.TokenComment || !strings.HasPrefix(commentText(tok.Bytes), "teramotc:ignore") {
				continue
			}
			if !starts[tok.Range.Start.Byte] {
				t.Fatalf("comment %q at %s is neither a directive nor a %s finding", tok.Bytes, tok.Range, RuleSuppressionMalformed.ID)
			}
		}
	})
}

// FuzzParseDirective feeds arbitrary comment text to parseDirective: it
// returns either a directive or a reason, never both, never neither.
func FuzzParseDirective(f *testing.F) {
	for _, s := range []string{
		"teramotc:ignore TMC101 -- reason",
		"teramotc:ignore TMC101,TMC102 until=2030-01-02 -- partner needs it",
		"teramotc:ignore-file TMC507 -- legacy",
		"teramotc:ignore TMC101 until=2030-02-30 -- bad date",
		"teramotc:ignore all -- everything",
		"teramotc:ignore TMC001 -- hard",
		"teramotc:ignore TMC901 -- meta",
		"teramotc:ignore TMC101",
		"teramotc:ignore",
		"teramotc:ignre TMC303 -- misspelt marker",
		"TeraMotc:Ignore TMC303 -- capitals",
		"teramotc:ignore-fle TMC304 -- misspelt file marker",
		"teramotc:nolint TMC303 -- unknown directive",
		"teramotc:ignore TMC4O1 -- letter O",
		"teramotc:ignore tmc401,Tmc101 -- lower case",
		"teramotc:ignore public-access-block -- a rule name",
		" teramotc:ignore TMC101 -- leading space",
	} {
		f.Add(s)
	}
	set, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, msg := parseDirective(text, set)
		if (d == nil) == (msg == "") {
			t.Fatalf("parseDirective(%q) = %v, %q", text, d, msg)
		}
		if d != nil && (len(d.ids) == 0 || strings.TrimSpace(d.reason) == "") {
			t.Fatalf("parseDirective(%q) accepted a directive with ids %q and reason %q", text, d.ids, d.reason)
		}
		if d != nil && !strings.HasPrefix(strings.TrimSpace(text), "teramotc:ignore") {
			t.Fatalf("parseDirective(%q) accepted a marker other than teramotc:ignore[-file]", text)
		}
		if d != nil {
			for _, id := range d.ids {
				if r := set.Rule(id); r == nil || r.ID != id {
					t.Fatalf("parseDirective(%q) holds the id %q, not a rule's upper-case id", text, id)
				}
			}
		}
		if msg != "" && !utf8.ValidString(msg) && utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 in message %q", msg)
		}
	})
}

func checkRange(t *testing.T, r hcl.Range, name string, lines int) {
	t.Helper()
	if r.Filename != name || r.Start.Line < 1 || r.Start.Line > lines || r.End.Line < r.Start.Line {
		t.Fatalf("range %s (%d:%d-%d:%d) is not inside %s (%d lines)", r, r.Start.Line, r.Start.Column, r.End.Line, r.End.Column, name, lines)
	}
}

// suppressionSeeds returns the .hcl files of the suppression scenarios and
// the rule fixtures.
func suppressionSeeds(f *testing.F) [][]byte {
	var seeds [][]byte
	scripts, _ := filepath.Glob("../../internal/cli/testdata/script/lint_*.txtar")
	for _, s := range scripts {
		a, err := txtar.ParseFile(s)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range a.Files {
			if strings.HasSuffix(file.Name, ".hcl") {
				seeds = append(seeds, file.Data)
			}
		}
	}
	fixtures, _ := filepath.Glob("../../testdata/rules/*/*.hcl")
	for _, p := range fixtures {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		if strings.Contains(string(b), "teramotc:") {
			seeds = append(seeds, b)
		}
	}
	seeds = append(seeds,
		[]byte("# teramotc:ignore-file TMC507 -- legacy\nbucket \"a\" {\n  name = \"x\" # teramotc:ignore TMC101 -- ok\n}\n"),
		[]byte("bucket \"a\" {}\n# teramotc:ignore TMC101 -- trailing at EOF"),
		[]byte("/* teramotc:ignore TMC101 -- block comment\n spanning */\nbucket \"a\" {}\n"),
		[]byte("# teramotc:ignre-file TMC304 -- x\nbucket \"a\" {\n  # teramotc:ignore tmc101,TMC4O1 -- x\n  name = \"x\" # TeraMotc:Ignore TMC101 -- x\n}\n"),
	)
	return seeds
}

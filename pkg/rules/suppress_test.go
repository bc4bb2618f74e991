package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/teramot/teramotc/pkg/spec"
)

// testRules is a small rule index for the suppression parser.
type testRules []*Rule

func (rs testRules) Rule(id string) *Rule {
	for _, r := range rs {
		if r.ID == id {
			return r
		}
	}
	return nil
}

func (rs testRules) Rules() []*Rule { return rs }

var testKnown = testRules{
	{ID: "TMC101", Name: "public-access-block", Severity: SeverityError},
	{ID: "TMC401", Name: "access-logging", Severity: SeverityWarning},
	{ID: "TMC402", Name: "logging-target", Severity: SeverityError},
	{ID: "TMC701", Name: "bucket-name", Severity: SeverityError, Hard: true},
	RuleSuppressionMalformed,
	RuleSuppressionUnused,
}

func TestParseDirective(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		ids     []string
		until   string
		reason  string
		kind    string
		wantErr string
	}{
		{name: "one id", text: "teramotc:ignore TMC101 -- approved in DATA-1", ids: []string{"TMC101"}, reason: "approved in DATA-1", kind: "inline"},
		{name: "two ids and until", text: "teramotc:ignore TMC101,TMC401 until=2027-01-31 -- later", ids: []string{"TMC101", "TMC401"}, until: "2027-01-31", reason: "later", kind: "inline"},
		{name: "file", text: "teramotc:ignore-file TMC401 -- all of it", ids: []string{"TMC401"}, reason: "all of it", kind: "file"},
		{name: "reason with dashes", text: "teramotc:ignore TMC101 -- ok -- see DATA-1", ids: []string{"TMC101"}, reason: "ok -- see DATA-1", kind: "inline"},
		{name: "no reason", text: "teramotc:ignore TMC101", wantErr: "no reason"},
		{name: "empty reason", text: "teramotc:ignore TMC101 --  ", wantErr: "no reason"},
		{name: "reason without a word", text: "teramotc:ignore TMC101 -- .", wantErr: `its reason "." has no word`},
		{name: "reason of one letter", text: "teramotc:ignore TMC101 -- x", wantErr: `its reason "x" has no word of two or more letters`},
		{name: "reason of single letters and digits", text: "teramotc:ignore TMC101 -- a 1 b-2", wantErr: `its reason "a 1 b-2" has no word of two or more letters`},
		{name: "reason of digits only", text: "teramotc:ignore TMC101 -- 1234", wantErr: "has no word of two or more letters"},
		{name: "reason is the snippet's placeholder", text: "teramotc:ignore TMC101 -- <reason>", wantErr: `its reason "<reason>" is a placeholder`},
		{name: "reason is another placeholder", text: "teramotc:ignore TMC101 -- < why this is fine >", wantErr: "is a placeholder"},
		{name: "reason with a bracketed part", text: "teramotc:ignore TMC101 -- approved in <DATA-1>", ids: []string{"TMC101"}, reason: "approved in <DATA-1>", kind: "inline"},
		{name: "reason of a two-letter word", text: "teramotc:ignore TMC101 -- ok", ids: []string{"TMC101"}, reason: "ok", kind: "inline"},
		{name: "reason of a ticket id", text: "teramotc:ignore TMC101 -- DATA-123", ids: []string{"TMC101"}, reason: "DATA-123", kind: "inline"},
		{name: "reason in another script", text: "teramotc:ignore TMC101 -- 承認済", ids: []string{"TMC101"}, reason: "承認済", kind: "inline"},
		{name: "no id", text: "teramotc:ignore -- why", wantErr: "names no rule id"},
		{name: "unknown id", text: "teramotc:ignore TMC999 -- why", wantErr: "no rule has the id TMC999"},
		{name: "all", text: "teramotc:ignore all -- why", wantErr: `"all" is not allowed`},
		{name: "hard rule", text: "teramotc:ignore TMC701 -- why", wantErr: "hard rule"},
		{name: "meta rule", text: "teramotc:ignore TMC903 -- why", wantErr: "cannot itself be suppressed"},
		{name: "bad date", text: "teramotc:ignore TMC101 until=2027-13-01 -- why", wantErr: "not a date"},
		{name: "stray word", text: "teramotc:ignore TMC101 please -- why", wantErr: `unexpected "please"`},
		{name: "wrong separator", text: "teramotc-ignore: TMC101 -- why", wantErr: `"teramotc-ignore" is not a suppression marker. Did you mean "teramotc:ignore"?`},
		{name: "colon after marker", text: "teramotc:ignore: TMC101 -- why", wantErr: "write it as"},
		{name: "lower-case id", text: "teramotc:ignore tmc101 -- why", ids: []string{"TMC101"}, reason: "why", kind: "inline"},
		{name: "mixed-case ids deduplicated", text: "teramotc:ignore Tmc401,TMC401,tmc101 -- why", ids: []string{"TMC401", "TMC101"}, reason: "why", kind: "inline"},
		{name: "lower-case hard id", text: "teramotc:ignore tmc701 -- why", wantErr: "TMC701 is a hard rule"},
		{name: "lower-case meta id", text: "teramotc:ignore tmc903 -- why", wantErr: "TMC903 reports on suppressions"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := parseDirective(tc.text, testKnown)
			if tc.wantErr != "" {
				if err == "" || !strings.Contains(err, tc.wantErr) {
					t.Fatalf("error = %q, want it to contain %q", err, tc.wantErr)
				}
				return
			}
			if err != "" {
				t.Fatalf("unexpected error %q", err)
			}
			if strings.Join(d.ids, ",") != strings.Join(tc.ids, ",") || d.until != tc.until || d.reason != tc.reason || d.kind != tc.kind {
				t.Errorf("got ids %v until %q reason %q kind %q", d.ids, d.until, d.reason, d.kind)
			}
		})
	}
}

const targetSrc = `# teramotc:ignore-file TMC401 -- whole file
bucket "a" {
  name = "x"
  # teramotc:ignore TMC101 -- next attribute
  block_public_access = false
  tags = { # teramotc:ignore TMC101 -- trailing covers the map
    a = "b"
  }
}

# teramotc:ignore TMC101 -- next block
bucket "b" {
  name = "y"
}
# teramotc:ignore TMC101 -- nothing follows
`

func TestInlineTargets(t *testing.T) {
	f, diags := hclsyntax.ParseConfig([]byte(targetSrc), "main.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	dirs, bad := parseInline(f, "main.hcl", nil, testKnown)
	if len(bad) != 0 {
		t.Fatalf("malformed: %v", bad[0].Message)
	}
	want := []struct {
		kind, reason string
		start, end   int
	}{
		{"file", "whole file", 1, 1 << 30},
		{"inline", "next attribute", 5, 5},
		{"inline", "trailing covers the map", 6, 8},
		{"inline", "next block", 12, 14},
		{"inline", "nothing follows", -1, -1},
	}
	if len(dirs) != len(want) {
		t.Fatalf("got %d directives, want %d", len(dirs), len(want))
	}
	for i, w := range want {
		d := dirs[i]
		if d.kind != w.kind || d.reason != w.reason || d.target.Start.Line != w.start || d.target.End.Line != w.end {
			t.Errorf("directive %d: kind %s reason %q lines %d-%d, want %s %q %d-%d", i, d.kind, d.reason,
				d.target.Start.Line, d.target.End.Line, w.kind, w.reason, w.start, w.end)
		}
	}
	f101 := &Finding{Rule: testKnown.Rule("TMC101"), Range: hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: 13}}}
	if !dirs[3].matches(f101) || dirs[1].matches(f101) {
		t.Errorf("a finding on line 13 must match the block directive only")
	}
}

func TestIgnoreFileAfterCode(t *testing.T) {
	src := "bucket \"a\" {\n  name = \"x\"\n}\n# teramotc:ignore-file TMC101 -- too late\n"
	f, _ := hclsyntax.ParseConfig([]byte(src), "main.hcl", hcl.InitialPos)
	dirs, bad := parseInline(f, "main.hcl", nil, testKnown)
	if len(dirs) != 0 || len(bad) != 1 || !strings.Contains(bad[0].Message, "must come before") {
		t.Fatalf("dirs %d, malformed %v", len(dirs), bad)
	}
	if bad[0].Rule.ID != "TMC901" || bad[0].Range.Start.Line != 4 {
		t.Errorf("finding %s at line %d", bad[0].Rule.ID, bad[0].Range.Start.Line)
	}
}

func TestDedupeHard(t *testing.T) {
	hard := &Rule{ID: "TMC701", Hard: true}
	soft := &Rule{ID: "TMC101"}
	r1 := hcl.Range{Filename: "a.hcl", Start: hcl.Pos{Line: 2, Column: 3}, End: hcl.Pos{Line: 2, Column: 9}}
	r1.Start.Byte, r1.End.Byte = 20, 26
	attr := hcl.Range{Filename: "a.hcl", Start: hcl.Pos{Line: 2, Column: 1, Byte: 18}, End: hcl.Pos{Line: 2, Column: 9, Byte: 26}}
	r2 := hcl.Range{Filename: "a.hcl", Start: hcl.Pos{Line: 5, Column: 3, Byte: 60}, End: hcl.Pos{Line: 5, Column: 9, Byte: 66}}
	validate := []*Finding{{Rule: hard, Range: r1}, {Rule: soft, Range: r2}}
	rego := []*Finding{{Rule: hard, Range: r1}, {Rule: hard, Range: attr}, {Rule: hard, Range: r2}, {Rule: soft, Range: r1}, {Rule: soft, Range: r2}}
	got := dedupeHard(rego, validate)
	if len(got) != 2 || got[0].Range != r2 || got[1].Rule != soft || got[1].Range != r1 {
		t.Errorf("dedupeHard kept %d findings: %+v", len(got), got)
	}
}

// FuzzParseInline: no input makes the suppression parser panic, and every
// directive it accepts has ids and a reason.
func FuzzParseInline(f *testing.F) {
	f.Add(targetSrc)
	f.Add("# teramotc:ignore TMC101 until=2027-01-01 -- x\nbucket \"a\" {}\n")
	f.Add("// teramotc:ignore TMC101,TMC401 -- why\n/* teramotc:ignore TMC101 -- z */ a = 1\n")
	f.Fuzz(func(t *testing.T, src string) {
		file, _ := hclsyntax.ParseConfig([]byte(src), "f.hcl", hcl.InitialPos)
		if file == nil {
			return
		}
		dirs, _ := parseInline(file, "f.hcl", nil, testKnown)
		for _, d := range dirs {
			if len(d.ids) == 0 || d.reason == "" {
				t.Fatalf("accepted directive without ids or reason: %+v", d)
			}
		}
	})
}

// TestInlineFromLoaderTokens checks that the suppressions read from the
// tokens the spec loader kept are those read by lexing the file again, on
// the examples and on a spec whose masked access key sits in a comment.
func TestInlineFromLoaderTokens(t *testing.T) {
	dir := t.TempDir()
	src := "# teramotc:ignore TMC101 AKIAIOSFODNN7EXAMPLE -- key in a malformed comment\n" +
		"bucket \"b\" {\n  name = \"teramot-demo-data\" # teramotc:ignore TMC104 -- inline\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"../../examples/setup-guide-role", "../../examples/setup-guide-user", dir} {
		loaded, _ := spec.Load(path, spec.Options{})
		if len(loaded.Files) == 0 {
			t.Fatalf("%s: no files loaded", path)
		}
		for name, f := range loaded.Files {
			if loaded.Tokens(name) == nil {
				t.Errorf("%s: the loader kept no tokens for %s", path, name)
			}
			gotDirs, gotBad := parseInline(f, name, loaded.Tokens(name), testKnown)
			wantDirs, wantBad := parseInline(f, name, nil, testKnown)
			if diff := cmp.Diff(wantDirs, gotDirs, cmp.AllowUnexported(directive{})); diff != "" {
				t.Errorf("%s: directives (-lexed +loader tokens):\n%s", name, diff)
			}
			if diff := cmp.Diff(wantBad, gotBad, cmp.AllowUnexported(Finding{})); diff != "" {
				t.Errorf("%s: malformed (-lexed +loader tokens):\n%s", name, diff)
			}
			for _, b := range gotBad {
				if strings.Contains(b.Message, "AKIA") {
					t.Errorf("%s: a malformed-suppression message shows the access key: %s", name, b.Message)
				}
			}
		}
	}
}

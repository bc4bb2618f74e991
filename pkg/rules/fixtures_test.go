package rules

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

var wantRE = regexp.MustCompile(`#\s*want:\s*([A-Z0-9_, -]+)\s*$`)

// fixtureNow pins suppression expiry in fixtures.
var fixtureNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// fixtureDir holds the rule fixtures, at the repository root.
var fixtureDir = filepath.Join("..", "..", "testdata", "rules")

// TestRuleFixtures lints every testdata/rules/<ID>/{fail,pass}*.hcl through
// the full pipeline (load, validate, render, rules, suppressions). A fail
// fixture must produce findings of <ID> exactly on the lines that end with
// `# want: <ID>`; a pass fixture none of <ID>.
func TestRuleFixtures(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := filepath.Glob(filepath.Join(fixtureDir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range set.Rules() {
		if !slices.Contains(MetaRules(), r) && !slices.Contains(dirs, filepath.Join(fixtureDir, r.ID)) {
			t.Errorf("rule %s has no fixtures: add testdata/rules/%s/fail.hcl and pass.hcl", r.ID, r.ID)
		}
	}
	for _, dir := range dirs {
		id := filepath.Base(dir)
		t.Run(id, func(t *testing.T) {
			if set.Rule(id) == nil {
				t.Fatalf("fixture directory %s names no rule", dir)
			}
			files, _ := filepath.Glob(filepath.Join(dir, "*.hcl"))
			var fails, passes int
			for _, file := range files {
				base := filepath.Base(file)
				switch {
				case strings.HasPrefix(base, "fail"):
					fails++
				case strings.HasPrefix(base, "pass"):
					passes++
				default:
					continue
				}
				t.Run(base, func(t *testing.T) { checkFixture(t, set, id, file) })
			}
			if fails == 0 || passes == 0 {
				t.Errorf("%s needs at least one fail*.hcl and one pass*.hcl fixture (has %d and %d)", dir, fails, passes)
			}
		})
	}
}

func checkFixture(t *testing.T, set *Set, id, file string) {
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var want []int
	for i, line := range strings.Split(string(src), "\n") {
		if m := wantRE.FindStringSubmatch(line); m != nil {
			for _, w := range strings.Split(m[1], ",") {
				if strings.TrimSpace(w) == id {
					want = append(want, i+1)
				}
			}
		}
	}
	isFail := strings.HasPrefix(filepath.Base(file), "fail")
	if isFail && len(want) == 0 {
		t.Fatalf("fail fixture has no line marked `# want: %s`", id)
	}
	if !isFail && len(want) > 0 {
		t.Fatalf("pass fixture marks lines with `# want: %s`", id)
	}

	res := set.Lint(context.Background(), []string{file}, LintOptions{Now: fixtureNow, Parallel: 1})[0]
	if res.Diagnostics.HasErrors() {
		t.Fatalf("the fixture does not load:\n%s", diagText(res))
	}
	var got []int
	var detail []string
	for _, f := range res.Findings {
		if f.Rule.ID == id && f.Suppression == nil {
			got = append(got, f.Range.Start.Line)
			detail = append(detail, fmt.Sprintf("  %s:%d: %s", f.Range.Filename, f.Range.Start.Line, f.Message))
		}
	}
	slices.Sort(got)
	got = slices.Compact(got)
	if !slices.Equal(got, want) {
		t.Errorf("%s findings on lines %v, want %v\n%s", id, got, want, strings.Join(detail, "\n"))
	}
}

func diagText(res *SpecResult) string {
	var b strings.Builder
	for _, d := range res.Diagnostics {
		fmt.Fprintf(&b, "  %s: %s", d.Summary, d.Detail)
		if d.Subject != nil {
			fmt.Fprintf(&b, " (%s)", d.Subject)
		}
		b.WriteString("\n")
	}
	return b.String()
}

package rules

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/inspect"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// partlyHard are rules whose Rego check is wider than what AWS rejects:
// validate reports only their hard part (the format of an external id or
// of an account id), so every validate finding must also be a Rego finding,
// but not the reverse.
var partlyHard = []string{"TMC602", "TMC604"}

// TestHardRulesAgree checks that the two implementations of every hard rule,
// the Go checks of validate (spec.Load, render, render.Validate) and the
// Rego policies evaluated alone, report the same (rule, line) pairs on every
// rule fixture and on the spec error fixtures that still yield a model.
func TestHardRulesAgree(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	hard := map[string]bool{}
	for _, r := range set.Rules() {
		if r.Hard && !r.Custom {
			hard[r.ID] = true
		}
	}
	if len(hard) < 10 {
		t.Fatalf("only %d hard rules in the catalog", len(hard))
	}
	// Every rule fixture, not only those of hard rules: a hard problem the
	// fixture of another rule happens to contain must agree too.
	files, _ := filepath.Glob(filepath.Join(fixtureDir, "*", "*.hcl"))
	examples, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*"))
	files = append(files, examples...)
	errs, _ := filepath.Glob(filepath.Join("..", "spec", "testdata", "errors", "*.hcl"))
	files = append(files, errs...)
	slices.Sort(files)
	var compared int
	for _, file := range files {
		name := filepath.ToSlash(filepath.Join("pkg", "rules", file)) // relative to the repository root
		t.Run(name, func(t *testing.T) {
			goSide, regoSide, ok := bothSides(t, set, file, hard)
			if !ok {
				t.Skip("the spec yields no model to evaluate")
			}
			compared++
			if diff := cmp.Diff(goSide.hard, regoSide.hard); diff != "" {
				t.Errorf("hard findings differ (-validate +rego):\n%s", diff)
			}
			for _, f := range goSide.partly {
				if !slices.Contains(regoSide.partly, f) {
					t.Errorf("validate reports %s that the Rego rule does not", f)
				}
			}
		})
	}
	if compared < 30 {
		t.Errorf("compared only %d specs", compared)
	}
}

// sides holds "ID:line" findings of hard and partly hard rules, sorted.
type sides struct{ hard, partly []string }

func (s *sides) add(id string, line int, hard map[string]bool) {
	k := fmt.Sprintf("%s:%d", id, line)
	switch {
	case hard[id]:
		s.hard = append(s.hard, k)
	case slices.Contains(partlyHard, id):
		s.partly = append(s.partly, k)
	}
}

func (s *sides) sort() {
	slices.Sort(s.hard)
	s.hard = slices.Compact(s.hard)
	slices.Sort(s.partly)
	s.partly = slices.Compact(s.partly)
}

func bothSides(t *testing.T, set *Set, file string, hard map[string]bool) (goSide, regoSide sides, ok bool) {
	t.Helper()
	loaded, diags := spec.Load(file, spec.Options{Vars: fixtureVars(t, file)})
	if loaded == nil || loaded.Spec == nil || nonRuleErrors(diags) {
		return goSide, regoSide, false
	}
	out, rdiags := render.Render(loaded.Spec)
	if nonRuleErrors(rdiags) {
		return goSide, regoSide, false
	}
	diags = append(diags, rdiags...)
	diags = append(diags, render.Validate(out, loaded.Spec)...)
	for _, d := range diags {
		if id := spec.RuleID(d); id != "" && d.Subject != nil {
			goSide.add(id, d.Subject.Start.Line, hard)
		}
	}
	found, err := set.EvaluateValue(context.Background(), inspect.Value(loaded, out))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		regoSide.add(f.Rule.ID, f.Range.Start.Line, hard)
	}
	goSide.sort()
	regoSide.sort()
	return goSide, regoSide, true
}

// nonRuleErrors reports errors that carry no rule id: the spec is not
// valid HCL or not a valid model, and the rules do not run on it.
func nonRuleErrors(diags hcl.Diagnostics) bool {
	for _, d := range diags {
		if d.Severity == hcl.DiagError && spec.RuleID(d) == "" {
			return true
		}
	}
	return false
}

// fixtureVars reads the `# var: NAME=VALUE` header lines of a spec error
// fixture.
func fixtureVars(t *testing.T, file string) []string {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var vars []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "#") {
			break
		}
		if v, found := strings.CutPrefix(strings.TrimSpace(strings.TrimPrefix(line, "#")), "var: "); found {
			vars = append(vars, v)
		}
	}
	return vars
}

// TestLintReportsHardFindingsOnce checks that lint, which runs both
// implementations, reports a problem of a hard or partly hard rule once:
// the Rego twin of a validate finding (same rule, overlapping range) is
// dropped, also for TMC602 and TMC604 whose Rego rules cover more than
// their hard part.
func TestLintReportsHardFindingsOnce(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, r := range set.Rules() {
		if r.Hard || slices.Contains(partlyHard, r.ID) {
			m, _ := filepath.Glob(filepath.Join(fixtureDir, r.ID, "fail*.hcl"))
			files = append(files, m...)
		}
	}
	if len(files) < 12 {
		t.Fatalf("only %d fail fixtures of hard rules", len(files))
	}
	res := set.Lint(context.Background(), files, LintOptions{Now: fixtureNow})
	var validated int
	for _, r := range res {
		for _, v := range r.Findings {
			if !v.validated {
				continue
			}
			validated++
			for _, f := range r.Findings {
				if !f.validated && f.Rule.ID == v.Rule.ID && overlaps(f.Range, v.Range) {
					t.Errorf("%s reported twice: by validate at %s (%q) and by Rego at %s (%q)",
						v.Rule.ID, v.Range, v.Message, f.Range, f.Message)
				}
			}
		}
	}
	if validated == 0 {
		t.Error("no validate finding in the fail fixtures of hard rules")
	}
}

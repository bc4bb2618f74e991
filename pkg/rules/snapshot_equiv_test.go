package rules

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/internal/benchgen"
	"github.com/teramot/teramotc/pkg/inspect"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// The set built from the snapshot and the set compiled from source find
// exactly the same things (rule, message, address, range, suppression) on
// every rule fixture, every example and 300 generated specs, a third of
// them with defects.
func TestSnapshotSameFindings(t *testing.T) {
	snap, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if !builtinFromSnapshot {
		t.Fatal("the built-in set was not built from the snapshot")
	}
	mods, err := BuiltinModules(false)
	if err != nil {
		t.Fatal(err)
	}
	src, err := compile(context.Background(), mods, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 300
	if testing.Short() {
		n = 40
	}
	paths, err := benchgen.Write(t.TempDir(), n)
	if err != nil {
		t.Fatal(err)
	}
	for _, glob := range []string{"../../testdata/rules/*/*.hcl", "../../examples/*"} {
		more, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, more...)
	}
	ctx := context.Background()
	got := summarize(snap.Lint(ctx, paths, LintOptions{}))
	want := summarize(src.Lint(ctx, paths, LintOptions{}))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings differ (-source +snapshot):\n%s", diff)
	}
	total := 0
	for _, fs := range want {
		total += len(fs)
	}
	if total < n {
		t.Fatalf("only %d findings over %d specs: the comparison would prove nothing", total, len(paths))
	}
}

func summarize(results []*SpecResult) map[string][]string {
	out := map[string][]string{}
	for _, r := range results {
		var lines []string
		for _, f := range r.Findings {
			s := fmt.Sprintf("%s %s %s %q", f.Range, f.Rule.ID, f.Address, f.Message)
			if f.Suppression != nil {
				s += " suppressed:" + f.Suppression.Kind
			}
			lines = append(lines, s)
		}
		for _, d := range r.Diagnostics {
			lines = append(lines, fmt.Sprintf("diag %v %s", d.Subject, d.Summary))
		}
		out[r.Path] = lines
	}
	return out
}

// Evaluating the two parts of the rules at once finds exactly what the
// single query finds, and the parts hold every rule once.
func TestSplitSameFindings(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(set.parts[0]) == 0 || len(set.parts[1]) == 0 || len(set.parts[0])+len(set.parts[1]) != len(set.rules) {
		t.Fatalf("parts of %d and %d rules for %d rules", len(set.parts[0]), len(set.parts[1]), len(set.rules))
	}
	paths, err := benchgen.Write(t.TempDir(), 60)
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../../testdata/rules/*/*.hcl")
	paths = append(paths, more...)
	ctx := context.Background()
	total := 0
	for _, p := range paths {
		loaded, diags := spec.Load(p, spec.Options{})
		if diags.HasErrors() {
			continue
		}
		out, rdiags := render.Render(loaded.Spec)
		if rdiags.HasErrors() {
			continue
		}
		input := inspect.Value(loaded, out)
		one, err := set.evaluate(ctx, input, false, nil)
		if err != nil {
			t.Fatal(err)
		}
		two, err := set.evaluate(ctx, input, true, nil)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(findingLines(one), findingLines(two)); diff != "" {
			t.Errorf("%s: findings differ (-one query +two parts):\n%s", p, diff)
		}
		total += len(one)
	}
	if total < 60 {
		t.Fatalf("only %d findings: the comparison would prove nothing", total)
	}
}

func findingLines(fs []*Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %s %s %q", f.Range, f.Rule.ID, f.Address, f.Message))
	}
	return out
}

package rules

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/teramot/teramotc/pkg/spec"
)

// Linting several specs evaluates them concurrently: every evaluation waits
// at a barrier until two are in flight at once, which can only happen when
// they run in parallel (a serial pool would time out at the barrier).
func TestLintEvaluatesInParallel(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("needs GOMAXPROCS >= 2")
	}
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu      sync.Mutex
		maxSeen int32
		both    = make(chan struct{})
		once    sync.Once
	)
	evalHook = func(n int32, _ bool) {
		mu.Lock()
		maxSeen = max(maxSeen, n)
		mu.Unlock()
		if n >= 2 {
			once.Do(func() { close(both) })
		}
		select {
		case <-both:
		case <-time.After(5 * time.Second):
		}
	}
	defer func() { evalHook = nil }()

	paths := []string{"../../examples/minimal", "../../examples/setup-guide-user", "../../examples/setup-guide-role", "../../examples/minimal"}
	results := set.Lint(context.Background(), paths, LintOptions{Parallel: 2})
	for _, r := range results {
		if r.Diagnostics.HasErrors() {
			t.Fatalf("%s: %s", r.Path, diagText(r))
		}
	}
	if maxSeen < 2 {
		t.Fatalf("at most %d evaluation ran at a time, want 2", maxSeen)
	}
}

// Linting fewer specs than workers evaluates each spec's rules in two parts
// at once; linting as many specs as workers does not.
func TestLintSplitsFewSpecs(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		paths []string
		split bool
	}{
		{"one spec", []string{"../../examples/minimal"}, true},
		{"two specs", []string{"../../examples/minimal", "../../examples/setup-guide-role"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var mu sync.Mutex
			var seen []bool
			evalHook = func(_ int32, split bool) {
				mu.Lock()
				seen = append(seen, split)
				mu.Unlock()
			}
			defer func() { evalHook = nil }()
			set.Lint(context.Background(), tc.paths, LintOptions{Parallel: 2})
			if len(seen) != len(tc.paths) {
				t.Fatalf("%d evaluations for %d specs", len(seen), len(tc.paths))
			}
			for _, s := range seen {
				if s != tc.split {
					t.Fatalf("evaluated with split=%v, want %v", s, tc.split)
				}
			}
		})
	}
}

// The shipped examples lint with no error-level finding, and the IAM user
// variant of the setup guide gets the prefer-role warning. The role
// variant's defaults are placeholders (review leak2 H3): with them it gets
// exactly TMC604 and TMC602, with the partner's values none.
func TestExamplesLintClean(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{"../../examples/minimal", "../../examples/setup-guide-user", "../../examples/setup-guide-role"}
	results := set.Lint(context.Background(), paths, LintOptions{})
	var tmc507 []*Finding
	for _, f := range results[1].Findings {
		if f.Rule.ID == "TMC507" && f.Suppression == nil {
			tmc507 = append(tmc507, f)
		}
	}
	if len(tmc507) == 0 || tmc507[0].Rule.Severity != SeverityWarning {
		t.Errorf("setup-guide-user: TMC507 findings %v, want a warning", tmc507)
	}
	var placeholders []string
	withValues := set.Lint(context.Background(), paths[2:], LintOptions{Spec: spec.Options{Vars: []string{
		"teramot_account_id=913476520813", "external_id=4c8e1a6f-9b2d-4e7a-b3c5-d1f0e8a29b67",
	}}})
	for i, res := range append(results, withValues...) {
		if res.Diagnostics.HasErrors() {
			t.Errorf("%s: %s", res.Path, diagText(res))
		}
		for _, f := range res.Findings {
			if f.Suppression != nil || f.Rule.Severity != SeverityError {
				continue
			}
			if i == 2 {
				placeholders = append(placeholders, fmt.Sprintf("%s:%d", f.Rule.ID, f.Range.Start.Line))
				continue
			}
			t.Errorf("%s: %s at %s: %s", res.Path, f.Rule.ID, f.Range, f.Message)
		}
	}
	slices.Sort(placeholders)
	if want := []string{"TMC602:73", "TMC604:71"}; !slices.Equal(placeholders, want) {
		t.Errorf("setup-guide-role with its placeholder defaults: errors %q, want %q", placeholders, want)
	}
}

// A finding of validate (AWS rejects the spec) is never suppressed, even for
// a rule that is only partly hard, and its Rego twin is not reported twice.
func TestValidateFindingsNotSuppressed(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	src := `bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "partner-read"
    # teramotc:ignore TMC604 -- the account id is being migrated
    trusted_account_id = "21098765432"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}
`
	file := filepath.Join(t.TempDir(), "main.hcl")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	res := set.Lint(context.Background(), []string{file}, LintOptions{Only: []string{"TMC604"}})[0]
	var got []*Finding
	for _, f := range res.Findings {
		if f.Rule.ID == "TMC604" {
			got = append(got, f)
		}
	}
	if len(got) != 1 || got[0].Suppression != nil || got[0].Range.Start.Line != 13 {
		for _, f := range got {
			t.Logf("%s %s suppressed=%v", f.Range, f.Message, f.Suppression != nil)
		}
		t.Fatalf("want one unsuppressed TMC604 finding on line 13, got %d", len(got))
	}
}

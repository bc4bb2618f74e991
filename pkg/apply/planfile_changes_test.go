package apply

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Apply performs exactly the saved plan: a plan file whose changes were
// edited (review sec2 F4: show listed one thing, apply did another) is
// refused, naming the first difference, though its fingerprints match.
func TestCheckSavedChanges(t *testing.T) {
	const id = "tmc-aaaa1111-acme-2222-3333"
	e := fakeEngine(t, newFake())
	items := loadSpec(t, "setup-guide-role", withExternalID(id))
	fresh := func() *Plan { return planFor(t, e, items) }
	base := savePlan(t, fresh())
	n := len(base.Plan.Changes)
	if n < 3 {
		t.Fatalf("the plan has %d changes, want at least 3", n)
	}
	policy := slices.IndexFunc(base.Plan.Changes, func(c *Change) bool { return c.Type == TBucketPolicy })
	if policy < 0 {
		t.Fatal("the plan has no bucket-policy change")
	}
	role := slices.IndexFunc(base.Plan.Changes, func(c *Change) bool { return c.Sensitive })
	if role < 0 {
		t.Fatal("the plan has no sensitive change")
	}
	name := func(i int) string {
		c := base.Plan.Changes[i]
		return fmt.Sprintf("%q", c.Type+"."+c.Name)
	}
	tests := []struct {
		name string
		edit func(cs []*Change) []*Change
		want string // "" when accepted
	}{
		{"unchanged (sensitive values masked alike)", func(cs []*Change) []*Change { return cs }, ""},
		{"bucket policy dropped", func(cs []*Change) []*Change { return slices.Delete(cs, policy, policy+1) },
			fmt.Sprintf("change %d, ", policy+1)},
		{"last change dropped", func(cs []*Change) []*Change { return cs[:n-1] },
			fmt.Sprintf("the plan file has %d changes, apply's plan %d: change %d, %s, is not in the plan file", n-1, n, n, name(n-1))},
		{"change added", func(cs []*Change) []*Change { return append(cs, cs[0]) },
			fmt.Sprintf("the plan file has %d changes, apply's plan %d: change %d, %s, is not in apply's plan", n+1, n, n+1, name(0))},
		{"risk relabelled", func(cs []*Change) []*Change { cs[policy].Risk = RiskNeutral; return cs },
			fmt.Sprintf(`change %d, %s, has risk "neutral" in the file, %q in apply's plan`, policy+1, name(policy), base.Plan.Changes[policy].Risk)},
		{"after edited", func(cs []*Change) []*Change { cs[policy].After = map[string]any{"Statement": []any{}}; return cs },
			fmt.Sprintf(`change %d, %s, has another "after"`, policy+1, name(policy))},
		{"step edited", func(cs []*Change) []*Change { cs[0].Step = 99; return cs },
			fmt.Sprintf(`change 1, %s, has step 99 in the file`, name(0))},
		{"order swapped", func(cs []*Change) []*Change { cs[0], cs[1] = cs[1], cs[0]; return cs }, "change 1, " + name(1) + ", has "},
		{"sensitive flag cleared", func(cs []*Change) []*Change { cs[role].Sensitive = false; return cs },
			fmt.Sprintf(`change %d, %s, has sensitive none in the file, true in apply's plan`, role+1, name(role))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plan := *base.Plan
			cs := make([]*Change, len(plan.Changes))
			for i, c := range plan.Changes {
				cc := *c
				cs[i] = &cc
			}
			plan.Changes = tc.edit(cs)
			saved := &SavedPlan{Spec: base.Spec, Plan: &plan}
			err := saved.Check(fresh(), nil)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var p *Problem
			if !errors.Is(err, ErrPlanEdited) || !errors.As(err, &p) {
				t.Fatalf("err = %v, want a *Problem wrapping ErrPlanEdited", err)
			}
			if !strings.HasPrefix(p.Summary, "the plan file's changes are not the plan apply made: ") || !strings.Contains(p.Summary, tc.want) {
				t.Errorf("summary %q does not say %q", p.Summary, tc.want)
			}
			if !strings.Contains(p.Detail, "Nothing was written") {
				t.Errorf("detail %q", p.Detail)
			}
			if strings.Contains(p.Summary+p.Detail, id) {
				t.Errorf("the refusal shows the external id: %s", p.Summary)
			}
		})
	}
}

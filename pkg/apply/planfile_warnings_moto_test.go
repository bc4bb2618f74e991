package apply

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/teramot/teramotc/internal/testenv"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestMotoPlanFileAccessChanged (review op2 E2): a saved plan widens the
// grant's managed policy. After it was reviewed, someone attaches that
// policy to a group and gives the user an inline policy. The live
// fingerprint does not cover them, but apply of the file must refuse:
// the widening would reach the group's members unreviewed. A file whose
// warnings were deleted or edited is refused the same way.
func TestMotoPlanFileAccessChanged(t *testing.T) {
	m := testenv.StartMoto(t)
	ctx := context.Background()
	e := connectMoto(t, m)
	narrow := loadSpec(t, "setup-guide-user", func(s *spec.Spec) {
		for _, g := range s.Grants {
			g.Permissions.Value = []string{"read", "list"}
		}
	})
	if _, err := converge(t, e, narrow); err != nil {
		t.Fatal(err)
	}
	items := loadSpec(t, "setup-guide-user", nil)
	plan := func() *Plan {
		p := planFor(t, e, items)
		e.WarnOtherAttachments(ctx, p)
		return p
	}
	reviewed := plan()
	if !slices.ContainsFunc(reviewed.Changes, func(c *Change) bool { return c.Type == TManagedPolicy && c.Risk == RiskLoosen }) {
		t.Fatalf("the plan does not widen the managed policy: %+v", reviewed.Changes)
	}
	if len(reviewed.Warnings) != 0 {
		t.Fatalf("warnings before the access changed: %q", reviewed.Warnings)
	}
	saved := savePlan(t, reviewed)
	if err := saved.Check(plan(), nil); err != nil {
		t.Fatalf("unchanged access refused: %v", err)
	}

	const user, policy = "teramot-service-user", "teramot-s3-access"
	iamc := e.C.IAM.(*iam.Client)
	if _, err := iamc.CreateGroup(ctx, &iam.CreateGroupInput{GroupName: aws.String("contractors")}); err != nil {
		t.Fatal(err)
	}
	if _, err := iamc.AttachGroupPolicy(ctx, &iam.AttachGroupPolicyInput{GroupName: aws.String("contractors"), PolicyArn: aws.String(e.policyARN(policy))}); err != nil {
		t.Fatal(err)
	}
	refused(t, saved.Check(plan(), nil), "apply's plan warns", "managed policy "+policy+" is also attached to group/contractors")

	wide := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`
	if _, err := iamc.PutUserPolicy(ctx, &iam.PutUserPolicyInput{UserName: aws.String(user), PolicyName: aws.String("all-s3"), PolicyDocument: aws.String(wide)}); err != nil {
		t.Fatal(err)
	}
	fresh := plan()
	if len(fresh.Warnings) != 2 {
		t.Fatalf("warnings = %q, want the group's and the inline policy's", fresh.Warnings)
	}
	refused(t, saved.Check(fresh, nil), "apply's plan warns")

	// A plan made now, with both warnings, applies; edited, it is refused.
	withWarnings := savePlan(t, fresh)
	if err := withWarnings.Check(plan(), nil); err != nil {
		t.Fatalf("a plan with the same warnings refused: %v", err)
	}
	tests := []struct {
		name string
		edit func([]string) []string
		want string // "" when accepted
	}{
		{"unchanged", func(w []string) []string { return w }, ""},
		{"order swapped", func(w []string) []string { return []string{w[1], w[0]} }, ""},
		{"warnings deleted", func([]string) []string { return []string{} }, "apply's plan warns \"managed policy " + policy},
		{"one dropped", func(w []string) []string { return w[1:] }, "apply's plan warns \"managed policy " + policy},
		{"one edited", func(w []string) []string { return []string{w[0], "user " + user + " holds nothing else"} }, "apply's plan warns \"user " + user},
		// A warning the file has and apply's plan lacks (here, a repeat)
		// names access that is not there: accepted (review-diff6b F12).
		{"one repeated", func(w []string) []string { return append(w, w[0]) }, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := *withWarnings.Plan
			p.Warnings = tc.edit(slices.Clone(p.Warnings))
			err := (&SavedPlan{Spec: withWarnings.Spec, Plan: &p}).Check(plan(), nil)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			refused(t, err, tc.want)
		})
	}
}

// refused checks that err is the refusal of a plan file whose warnings
// differ, and that its summary says each of want.
func refused(t *testing.T, err error, want ...string) {
	t.Helper()
	var p *Problem
	if !errors.Is(err, ErrPlanWarnings) || !errors.Is(err, ErrStalePlan) || !errors.As(err, &p) {
		t.Fatalf("err = %v, want a *Problem wrapping ErrPlanWarnings and ErrStalePlan", err)
	}
	if !strings.HasPrefix(p.Summary, "the plan file's warnings are not those of the plan apply made: ") {
		t.Errorf("summary %q", p.Summary)
	}
	for _, w := range want {
		if !strings.Contains(p.Summary, w) {
			t.Errorf("summary %q does not say %q", p.Summary, w)
		}
	}
	if !strings.Contains(p.Detail, "plan -out=FILE\" again") || !strings.Contains(p.Detail, "Nothing was written") {
		t.Errorf("detail %q", p.Detail)
	}
}

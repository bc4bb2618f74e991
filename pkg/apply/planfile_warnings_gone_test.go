package apply

import (
	"context"
	"strings"
	"testing"
)

// TestSavedPlanWarningGone (review-diff6b F12): doing what a warning
// advises between "plan -out" and "apply FILE" (deleting a revoked user's
// console password) makes the warning disappear; the saved plan still
// applies. A warning that appears instead (a console password made after
// the plan) refuses it.
func TestSavedPlanWarningGone(t *testing.T) {
	const warn = "revoked user old-partner (revoked_grant.old) still has a console password"
	for _, tc := range []struct {
		name          string
		before, after bool   // a console password at plan and at apply
		want          string // "" when accepted
	}{
		{"password deleted as advised", true, false, ""},
		{"password kept", true, true, ""},
		{"password made after the plan", false, true, `apply's plan warns "` + warn},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			e := fakeEngine(t, f)
			f.iam.users["old-partner"] = true
			f.iam.attached["user/old-partner "+e.policyARN("old-s3-access")] = true
			f.iam.keys["old-partner"] = 1
			f.iam.logins = map[string]bool{"old-partner": tc.before}
			items := specItems(t, revokedUser)
			plan := func() *Plan {
				p := planFor(t, e, items)
				e.WarnOtherAttachments(context.Background(), p)
				return p
			}
			p := plan()
			if has := strings.Contains(strings.Join(p.Warnings, "\n"), warn); has != tc.before {
				t.Fatalf("plan warnings %q: console password warning %v, want %v", p.Warnings, has, tc.before)
			}
			saved := savePlan(t, p)
			f.mu.Lock()
			f.iam.logins["old-partner"] = tc.after
			f.mu.Unlock()
			err := saved.Check(plan(), nil)
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

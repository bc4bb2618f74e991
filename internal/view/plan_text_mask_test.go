package view

import (
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/apply"
)

// A change whose masked values changed says so in one line; a change
// hidden whole is not told twice; other changes get no such line.
func TestPlanTextSensitiveChanged(t *testing.T) {
	doc := func(account string) map[string]any {
		return map[string]any{"Statement": []any{map[string]any{"Sid": "Trust",
			"Principal": map[string]any{"AWS": "arn:aws:iam::" + account + ":root"}, "Condition": apply.Redacted}}}
	}
	cases := []struct {
		name          string
		c             *apply.Change
		want, notWant []string
	}{
		{"rotated external id only",
			&apply.Change{Type: apply.TIAMRole, Name: "r", Action: apply.ActionUpdate, SensitiveChanged: true,
				Before: map[string]any{"AssumeRolePolicyDocument": doc("210987654321")}, After: map[string]any{"AssumeRolePolicyDocument": doc("210987654321")}},
			[]string{"~ (sensitive value changed)"}, []string{"statement Trust"}},
		{"principal and external id",
			&apply.Change{Type: apply.TIAMRole, Name: "r", Action: apply.ActionUpdate, SensitiveChanged: true,
				Before: map[string]any{"AssumeRolePolicyDocument": doc("210987654321")}, After: map[string]any{"AssumeRolePolicyDocument": doc("444455556666")}},
			[]string{"~ (sensitive value changed)", "arn:aws:iam::210987654321:root", "arn:aws:iam::444455556666:root"}, nil},
		{"principal only",
			&apply.Change{Type: apply.TIAMRole, Name: "r", Action: apply.ActionUpdate,
				Before: map[string]any{"AssumeRolePolicyDocument": doc("210987654321")}, After: map[string]any{"AssumeRolePolicyDocument": doc("444455556666")}},
			[]string{"arn:aws:iam::444455556666:root"}, []string{"sensitive value"}},
		{"hidden whole",
			&apply.Change{Type: apply.TTagging, Name: "b", Action: apply.ActionUpdate, SensitiveChanged: true, Before: apply.Redacted, After: apply.Redacted},
			[]string{"~ (sensitive value)"}, []string{"sensitive value changed"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			WritePlanText(&b, &apply.Plan{Changes: []*apply.Change{tc.c}, Warnings: []string{}}, false)
			for _, w := range tc.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("no %q in:\n%s", w, b.String())
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(b.String(), w) {
					t.Errorf("%q in:\n%s", w, b.String())
				}
			}
		})
	}
}

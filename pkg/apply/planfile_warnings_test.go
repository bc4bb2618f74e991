package apply

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The warnings of a plan file are compared with the fresh plan's as the
// file holds them: sensitive values masked on both sides (never stored in
// clear, never quoted by the refusal), access keys masked, the ids of AWS
// requests in a read error left out, in any order.
func TestCheckSavedWarnings(t *testing.T) {
	const id = "tmc-aaaa1111-acme-2222-3333"
	const key = "AKIAIOSFODNN7EXAMPLE"
	e := fakeEngine(t, newFake())
	items := loadSpec(t, "setup-guide-role", withExternalID(id))
	readErr := func(req string) string {
		return "could not list who else holds managed policy p (operation error IAM: ListEntitiesForPolicy, https response error StatusCode: 403, RequestID: " +
			req + ", api error AccessDenied: denied); check with: aws iam list-entities-for-policy"
	}
	secret := "role r trusts external id " + id + " and key " + key
	fresh := func(w ...string) *Plan {
		p := planFor(t, e, items)
		p.Warnings = append(p.Warnings, w...)
		return p
	}
	path := filepath.Join(t.TempDir(), "p.json")
	if err := WritePlanFile(path, &SavedPlan{Spec: "/abs/spec", Plan: fresh(secret, readErr("11111111-aaaa"))}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), id) || strings.Contains(string(b), key) {
		t.Fatalf("the plan file holds a sensitive value or key in clear:\n%s", b)
	}
	saved, _, err := ReadPlanFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		warnings []string
		want     string // "" when accepted
	}{
		{"same", []string{secret, readErr("11111111-aaaa")}, ""},
		{"another request id, other order", []string{readErr("22222222-bbbb"), secret}, ""},
		{"a new warning", []string{secret, readErr("11111111-aaaa"), "managed policy p is also attached to group/g"},
			`apply's plan warns "managed policy p is also attached to group/g", which the plan file does not`},
		{"one gone", []string{secret}, `the plan file warns "could not list who else holds managed policy p`},
		{"another error", []string{secret, strings.Replace(readErr("1"), "403", "500", 1)}, "apply's plan warns \"could not list"},
		{"sensitive text changed", []string{strings.Replace(secret, "role r", "role q", 1), readErr("1")}, `apply's plan warns "role q trusts external id (sensitive)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := saved.Check(fresh(tc.warnings...), nil)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			refused(t, err, tc.want)
			if p := err.(*Problem); strings.Contains(p.Summary+p.Detail, id) || strings.Contains(p.Summary, key) {
				t.Errorf("the refusal shows a sensitive value or key: %s", p.Summary)
			}
		})
	}
}

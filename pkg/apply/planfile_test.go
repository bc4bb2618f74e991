package apply

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/spec"
)

// withExternalID sets the external id of the role of setup-guide-role (a
// sensitive variable there).
func withExternalID(id string) func(*spec.Spec) {
	return func(s *spec.Spec) {
		for _, g := range s.Grants {
			if g.Role != nil {
				g.Role.ExternalID.Value = id
			}
		}
	}
}

func savePlan(t *testing.T, p *Plan) *SavedPlan {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.json")
	if err := WritePlanFile(path, &SavedPlan{Spec: "/abs/spec", Plan: p}); err != nil {
		t.Fatal(err)
	}
	sp, ok, err := ReadPlanFile(path)
	if !ok || err != nil {
		t.Fatalf("ReadPlanFile: ok=%v err=%v", ok, err)
	}
	return sp
}

// The fingerprints of a plan file are no oracle for sensitive values: the
// SHA-256 fingerprints do not depend on them (two external ids, in the
// spec and live, give the same ones), and the sensitive fingerprint is
// salted per plan. Change detection stays exact: apply refuses a plan
// whose external id changed since.
func TestPlanFileFingerprintsNoOracle(t *testing.T) {
	const idA, idB = "tmc-aaaa1111-acme-2222-3333", "tmc-bbbb4444-acme-5555-6666"
	fa, fb := newFake(), newFake()
	ea, eb := fakeEngine(t, fa), fakeEngine(t, fb)
	itemsA := loadSpec(t, "setup-guide-role", withExternalID(idA))
	itemsB := loadSpec(t, "setup-guide-role", withExternalID(idB))
	if _, err := converge(t, ea, itemsA); err != nil {
		t.Fatal(err)
	}
	if _, err := converge(t, eb, itemsB); err != nil {
		t.Fatal(err)
	}
	// Converged on each side: live external id A (B) with spec A (B).
	pa, pb := planFor(t, ea, itemsA), planFor(t, eb, itemsB)
	if pa.DesiredFingerprint != pb.DesiredFingerprint {
		t.Error("desired_fingerprint depends on the external id")
	}
	if pa.LiveFingerprint != pb.LiveFingerprint {
		t.Error("live_fingerprint depends on the live external id")
	}
	// A changed external id against live A: the masked live value differs
	// from nothing shown, so the SHA-256 fingerprints still match plan A's.
	pab := planFor(t, ea, itemsB)
	if pab.DesiredFingerprint != pa.DesiredFingerprint || pab.LiveFingerprint != pa.LiveFingerprint {
		t.Fatal("a changed external id changed the SHA-256 fingerprints")
	}

	s1, s2 := savePlan(t, pa), savePlan(t, pa)
	if s1.Plan.SensitiveFingerprint == s2.Plan.SensitiveFingerprint {
		t.Errorf("two plans of the same spec have the same sensitive fingerprint %q", s1.Plan.SensitiveFingerprint)
	}
	if !strings.HasPrefix(s1.Plan.SensitiveFingerprint, "$argon2id$v=19$m=65536,t=2,p=2$") {
		t.Errorf("sensitive_fingerprint = %q, want argon2id", s1.Plan.SensitiveFingerprint)
	}
	for _, sp := range []*SavedPlan{s1, s2} {
		if err := sp.Check(planFor(t, ea, itemsA), nil); err != nil {
			t.Errorf("unchanged: %v", err)
		}
	}
	err := s1.Check(pab, nil)
	if !errors.Is(err, ErrStalePlan) || !strings.Contains(err.Error(), "a sensitive value changed") {
		t.Errorf("external id changed between plan and apply: err = %v, want a sensitive value changed", err)
	}
	// The live external id rotated outside teramotc.
	err = savePlan(t, planFor(t, eb, itemsA)).Check(planFor(t, ea, itemsA), nil)
	if !errors.Is(err, ErrStalePlan) || !strings.Contains(err.Error(), "a sensitive value changed") {
		t.Errorf("live external id changed: err = %v, want a sensitive value changed", err)
	}
}

// A plan that masks nothing has no sensitive fingerprint (its SHA-256
// fingerprints cover every value, and the slow hash would only cost time),
// and applies; a plan made since with a secret in it does not.
func TestPlanFileMasksNothing(t *testing.T) {
	plain := func() *Plan {
		it := &Item{Type: "bucket-tags", Name: "b", Desired: map[string]any{"k": "v"}}
		return &Plan{FormatVersion: PlanFormat, Changes: []*Change{}, Warnings: []string{}, live: newLive(), items: []*Item{it}}
	}
	saved := savePlan(t, plain())
	if saved.Plan.SensitiveFingerprint != "" {
		t.Fatalf("sensitive_fingerprint = %q for a plan that masks nothing, want none", saved.Plan.SensitiveFingerprint)
	}
	if err := saved.Check(plain(), nil); err != nil {
		t.Errorf("unchanged plan without secrets: %v", err)
	}
	secret := plain()
	secret.items[0].secrets = []string{"v"}
	if err := saved.Check(secret, nil); !errors.Is(err, ErrStalePlan) || !strings.Contains(err.Error(), "a sensitive value was added") {
		t.Errorf("a value became sensitive since the plan: err = %v, want a sensitive value was added", err)
	}
}

func TestCheckSavedTarget(t *testing.T) {
	// One item with a secret, so that the plan has a sensitive fingerprint.
	base := func() *Plan {
		it := &Item{Type: "bucket-tags", Name: "b", Desired: map[string]any{"k": "s3cr3t"}, secrets: []string{"s3cr3t"}}
		return &Plan{FormatVersion: PlanFormat, Account: "111122223333", Region: "us-east-1", Endpoint: "http://127.0.0.1:5123",
			Changes: []*Change{}, Warnings: []string{}, live: newLive(), items: []*Item{it}}
	}
	saved := savePlan(t, base()).Plan
	tests := []struct {
		name   string
		change func(saved, fresh *Plan)
		want   error
		text   string
	}{
		{"same", func(_, _ *Plan) {}, nil, ""},
		{"other account", func(_, f *Plan) { f.Account = "222222222222" }, ErrPlanElsewhere,
			"the plan was made for account 111122223333, but the credentials are for account 222222222222"},
		{"no STS now", func(_, f *Plan) { f.Account = "" }, ErrPlanElsewhere, "account (none: the endpoint has no STS)"},
		{"other endpoint", func(_, f *Plan) { f.Endpoint = "http://127.0.0.1:5124" }, ErrPlanElsewhere,
			"the plan was made against http://127.0.0.1:5123, but apply connects to http://127.0.0.1:5124"},
		{"AWS instead of the endpoint", func(_, f *Plan) { f.Endpoint = "" }, ErrPlanElsewhere, "apply connects to AWS (no custom endpoint)"},
		{"other region", func(_, f *Plan) { f.Region = "eu-west-1" }, ErrPlanElsewhere, `default region "us-east-1", but apply runs with "eu-west-1"`},
		{"format 1.0", func(s, _ *Plan) { s.FormatVersion = "1.0" }, ErrStalePlan, `format "1.0", made by an older teramotc`},
		{"format 2.1: newer, not older (review op3 L1)", func(s, _ *Plan) { s.FormatVersion = "2.1" }, ErrStalePlan, `format "2.1", made by another (newer) teramotc; apply reads 2.0`},
		{"format 3.0", func(s, _ *Plan) { s.FormatVersion = "3.0" }, ErrStalePlan, `format "3.0", made by another (newer) teramotc`},
		{"no sensitive fingerprint", func(s, _ *Plan) { s.SensitiveFingerprint = "" }, ErrStalePlan, "a sensitive value was added"},
		{"other KDF parameters", func(s, _ *Plan) {
			s.SensitiveFingerprint = strings.Replace(s.SensitiveFingerprint, "m=65536", "m=4194304", 1)
		}, ErrStalePlan, "not one this teramotc makes"},
		{"desired moved", func(_, f *Plan) { f.DesiredFingerprint = "x" }, ErrStalePlan, "the spec (or its variables) changed"},
		{"live moved", func(_, f *Plan) { f.LiveFingerprint = "x" }, ErrStalePlan, "the live AWS state changed"},
		{"live moved, masked fingerprints equal", func(_, f *Plan) { f.live.State["bucket:x"] = map[string]any{} }, ErrStalePlan, "a sensitive value changed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, f := *saved, base()
			tc.change(&s, f)
			err := (&SavedPlan{Plan: &s}).Check(f, nil)
			if !errors.Is(err, tc.want) || (err == nil) != (tc.want == nil) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if err == nil {
				return
			}
			var p *Problem
			if !errors.As(err, &p) || p.Detail == "" {
				t.Fatalf("err = %#v, want a *Problem with a detail", err)
			}
			if !strings.Contains(p.Summary, tc.text) {
				t.Errorf("summary %q does not say %q", p.Summary, tc.text)
			}
		})
	}
}

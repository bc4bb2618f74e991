package apply

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A block label that is an access key id is masked in the plan file; the
// spec path and the fingerprints apply needs are kept as they are.
func TestPlanFileMasksAccessKeys(t *testing.T) {
	const label = "ASIAJ3LABELKEY7TRAIL"
	specPath := filepath.Join("specs", "AKIAJ3LABELKEY7SPECS") // a directory named like a key still works
	p := &Plan{Account: "123456789012", DesiredFingerprint: "d1", LiveFingerprint: "l1", Changes: []*Change{
		{Type: TTrail, Name: label, Address: "trail." + label, Action: ActionCreate, After: map[string]any{"Name": label}},
	}}
	path := filepath.Join(t.TempDir(), "plan.json")
	if err := WritePlanFile(path, &SavedPlan{Spec: specPath, Plan: p}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), label); n != 0 {
		t.Errorf("the plan file holds the label %d times:\n%s", n, b)
	}
	if !strings.Contains(string(b), `"address": "trail.********************"`) {
		t.Errorf("the plan file shows no masked address:\n%s", b)
	}
	saved, ok, err := ReadPlanFile(path)
	if err != nil || !ok {
		t.Fatalf("ReadPlanFile: ok=%v, err=%v", ok, err)
	}
	if saved.Spec != specPath {
		t.Errorf("spec = %q, want %q", saved.Spec, specPath)
	}
	if err := saved.Check(p, nil); err != nil {
		t.Errorf("Check of the same plan: %v", err)
	}
}

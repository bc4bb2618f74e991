package apply

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teramot/teramotc/internal/testenv"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestMoto applies each guide example to moto, checks that a new plan is
// empty, then imports the data bucket, its grant and the trail and checks
// that the imported spec plans with no changes either. One moto_server
// serves every case (reset in between).
func TestMoto(t *testing.T) {
	t.Setenv("MOTO_ACCOUNT_ID", "111122223333")
	m := testenv.StartMoto(t)
	tests := []struct {
		example string
		opts    ImportOptions
		environ []string
	}{
		{"setup-guide-user", ImportOptions{Bucket: "teramot-data-acme", User: "teramot-service-user", Trail: "teramot-data"}, nil},
		{"setup-guide-role", ImportOptions{Bucket: "teramot-data-acme", Role: "teramot-access", Trail: "teramot-data"},
			[]string{"TERAMOTC_VAR_external_id=tmc-7f3a9c2e-acme-4b1d-9e55"}},
	}
	for _, tc := range tests {
		t.Run(tc.example, func(t *testing.T) {
			m.Reset(t)
			e := connectMoto(t, m)
			ctx := context.Background()
			items, _ := loadExample(t, tc.example)
			live, err := e.Read(ctx, items)
			if err != nil {
				t.Fatal(err)
			}
			if add, _ := e.MakePlan(items, live).Counts(); add < 20 {
				t.Fatalf("first plan adds %d resources, want >= 20", add)
			}
			if _, err := e.Apply(ctx, e.MakePlan(items, live), false); err != nil {
				t.Fatal(err)
			}
			live, err = e.Read(ctx, items)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range e.MakePlan(items, live).Changes {
				t.Errorf("after apply, still planned: %s %s %s\n before: %s\n after:  %s", c.Action, c.Type, c.Name, mustJSON(c.Before), mustJSON(c.After))
			}
			im, err := e.Import(ctx, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(im.HCL), "tmc-7f3a9c2e") {
				t.Errorf("import wrote the external id to disk:\n%s", im.HCL)
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "main.hcl"), im.HCL, 0o644); err != nil {
				t.Fatal(err)
			}
			loaded, diags := spec.Load(dir, spec.Options{Environ: tc.environ})
			if diags.HasErrors() {
				t.Fatalf("imported spec does not load: %s\n%s", diags.Error(), im.HCL)
			}
			out, diags := render.Render(loaded.Spec)
			if diags.HasErrors() {
				t.Fatalf("imported spec does not render: %s", diags.Error())
			}
			imported, err := Desired(loaded.Spec, out)
			if err != nil {
				t.Fatal(err)
			}
			live, err = e.Read(ctx, imported)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range e.MakePlan(imported, live).Changes {
				t.Errorf("imported spec plans %s %s %s\n before: %s\n after:  %s", c.Action, c.Type, c.Name, mustJSON(c.Before), mustJSON(c.After))
			}
			if t.Failed() {
				t.Logf("imported spec:\n%s", im.HCL)
			}
		})
	}
}

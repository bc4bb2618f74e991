package render

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/teramot/teramotc/pkg/spec"
)

// TestTestdataGolden renders every spec under testdata/NAME (main.hcl) and
// compares it with testdata/NAME/rendered; -update rewrites the files.
// These specs cover what the examples do not: KMS buckets (the key deny,
// kms:Decrypt for writers), a KMS-encrypted trail with a nested prefix and
// management_events = false.
func TestTestdataGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "*", "main.hcl"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no testdata specs: %v", err)
	}
	for _, file := range dirs {
		dir := filepath.Dir(file)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			l, diags := spec.Load(dir, spec.Options{})
			if diags.HasErrors() {
				t.Fatalf("load: %s", diags.Error())
			}
			out, diags := Render(l.Spec)
			if diags.HasErrors() {
				t.Fatalf("render: %s", diags.Error())
			}
			if diags := Validate(out, l.Spec); len(diags) > 0 {
				t.Errorf("validate: %s", diags.Error())
			}
			rendered := filepath.Join(dir, "rendered")
			if *update {
				if err := Write(out, rendered); err != nil {
					t.Fatal(err)
				}
			}
			stale, err := Check(out, rendered)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range stale {
				want, _ := os.ReadFile(filepath.Join(rendered, filepath.FromSlash(p)))
				var got []byte
				if d := doc(out, p); d != nil {
					got = Marshal(d)
				}
				t.Errorf("%s is stale (go test ./pkg/render -run Golden -update) (-committed +rendered):\n%s",
					p, cmp.Diff(string(want), string(got)))
			}
		})
	}
}

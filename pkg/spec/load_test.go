package spec

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestLoadExamples loads every shipped example and compares its model, as
// JSON, with a golden file (rewrite with -update).
func TestLoadExamples(t *testing.T) {
	for _, name := range []string{"minimal", "setup-guide-user", "setup-guide-role"} {
		t.Run(name, func(t *testing.T) {
			loaded, diags := Load(filepath.Join("..", "..", "examples", name), Options{})
			if len(diags) > 0 {
				t.Fatalf("unexpected diagnostics:\n%s", diagText(diags))
			}
			if loaded.Spec == nil {
				t.Fatal("Spec is nil")
			}
			if len(loaded.Files) != len(loaded.Spec.Files) {
				t.Errorf("Files has %d entries, want %d", len(loaded.Files), len(loaded.Spec.Files))
			}
			got, err := json.MarshalIndent(loaded.Spec, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)+"\n"); diff != "" {
				t.Errorf("model differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

func diagText(diags hcl.Diagnostics) string {
	s := ""
	for _, d := range diags {
		s += d.Error() + ": " + d.Detail + "\n"
	}
	return s
}

// TestBucketSelfReference checks that a bucket may use its own region in
// its name: references are tracked per attribute, not per block.
func TestBucketSelfReference(t *testing.T) {
	dir := writeSpec(t, map[string]string{"main.hcl": `
locals {
  suffix = bucket.data.region
}
bucket "data" {
  name   = "teramot-${local.suffix}"
  region = "eu-west-3"
  tags = {
    self = bucket.data.arn
  }
}
`})
	b := mustLoad(t, dir, Options{}).Buckets[0]
	if b.Name.Value != "teramot-eu-west-3" || b.Tags.Entries[0].Value != "arn:aws:s3:::teramot-eu-west-3" {
		t.Errorf("name = %q, tags = %+v", b.Name.Value, b.Tags.Entries[0])
	}
}

// TestEvalTimeout checks that a spec whose evaluation explodes gives a
// diagnostic instead of hanging.
func TestEvalTimeout(t *testing.T) {
	old := EvalTimeout
	EvalTimeout = 20 * time.Millisecond
	defer func() { EvalTimeout = old }()
	dir := writeSpec(t, map[string]string{"main.hcl": `
locals {
  big = length(flatten([for a in range(1024) : [for b in range(1024) : [a, b]]]))
}
` + minimalBucket})
	start := time.Now()
	loaded, diags := Load(dir, Options{})
	if got := summaries(diags); !cmp.Equal(got, []string{"Spec evaluation too slow"}) {
		t.Fatalf("errors = %v", got)
	}
	if loaded.Spec != nil || len(loaded.Files) != 1 {
		t.Errorf("Spec = %v, %d files", loaded.Spec, len(loaded.Files))
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Load returned after %v", d)
	}
}

package apply

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestMinIOAccessLogging: MinIO answers GetBucketLogging (a dummy) but
// routes the PUT to CreateBucket, which answers MalformedXML. Apply skips
// access logging with a warning instead of failing, and a plan made by
// the same engine afterwards marks it unsupported (nothing else to do).
func TestMinIOAccessLogging(t *testing.T) {
	_, e, progress := minioEngine(t)
	ctx := context.Background()
	// The target is not declared here: a declared log target's policy
	// exempts the log service with aws:PrincipalServiceName, a condition
	// key MinIO refuses (its deny-only phase fails, apply-engine.md §7).
	items := specItems(t, `
bucket "data" {
  name   = "tmc-minio-logged"
  region = "us-east-1"
  access_logging {
    target_bucket = "tmc-minio-elsewhere"
    target_prefix = "data/"
  }
}
`)
	res, err := e.Apply(ctx, planFor(t, e, items), false)
	if err != nil {
		t.Fatalf("apply: %v\n%s", err, progress.text())
	}
	if !strings.Contains(strings.Join(res.Skipped, " "), TLogging+".") {
		t.Errorf("access logging not skipped on MinIO (skipped: %v)", res.Skipped)
	}
	if progress.count(ProgressWarning, "logging is not supported") != 1 {
		t.Errorf("want one access-logging warning:\n%s", progress.text())
	}
	p := planFor(t, e, items)
	for _, c := range p.Changes {
		if c.Type == TLogging && !strings.Contains(c.Unsupported, "MalformedXML") {
			t.Errorf("plan after apply: logging of %s not marked unsupported (%q)", c.Name, c.Unsupported)
		}
	}
}

// specItems returns the items of a spec written as HCL.
func specItems(t *testing.T, hcl string) []*Item {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(hcl), 0o600); err != nil {
		t.Fatal(err)
	}
	loaded, diags := spec.Load(dir, spec.Options{})
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	out, diags := render.Render(loaded.Spec)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	items, err := Desired(loaded.Spec, out)
	if err != nil {
		t.Fatal(err)
	}
	return items
}

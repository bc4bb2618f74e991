package render

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWriteThenCheck(t *testing.T) {
	dir := t.TempDir()
	out := mustRender(t, guideModel(true))

	stale, err := Check(out, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) != len(out.Documents) {
		t.Fatalf("empty dir: %d stale, want all %d", len(stale), len(out.Documents))
	}

	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(out, dir); err != nil {
		t.Fatal(err)
	}
	if stale, err := Check(out, dir); err != nil || len(stale) != 0 {
		t.Fatalf("after Write: stale %v, err %v", stale, err)
	}
	info, err := os.Stat(filepath.Join(dir, "grants/teramot/trust-policy.json"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("sensitive trust policy mode = %v (%v), want 0600", info.Mode().Perm(), err)
	}

	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "buckets/teramot-data-acme/versioning.json"), []byte("{}\n"), 0o644))
	must(os.Remove(filepath.Join(dir, "trails/teramot-data/trail.json")))
	must(os.MkdirAll(filepath.Join(dir, "grants/old"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "grants/old/identity-policy.json"), []byte("{}\n"), 0o644))
	stale, err = Check(out, dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"buckets/teramot-data-acme/versioning.json",
		"grants/old/identity-policy.json",
		"trails/teramot-data/trail.json",
	}
	if diff := cmp.Diff(want, stale); diff != "" {
		t.Errorf("stale (-want +got):\n%s", diff)
	}

	must(Write(out, dir))
	if stale, err := Check(out, dir); err != nil || len(stale) != 0 {
		t.Fatalf("after second Write: stale %v, err %v", stale, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "grants/old")); !os.IsNotExist(err) {
		t.Errorf("grants/old still exists (err %v)", err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "README.md")); err != nil || string(b) != "mine" {
		t.Errorf("README.md outside the layout was touched: %q %v", b, err)
	}
}

func TestWriteRefusesEscapingPaths(t *testing.T) {
	out := &Output{Documents: []*Document{{Path: "../evil.json", Content: map[string]any{}}}}
	if err := Write(out, t.TempDir()); err == nil {
		t.Fatal("Write accepted a path outside the directory")
	}
}

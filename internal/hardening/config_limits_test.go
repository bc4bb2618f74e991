package hardening

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileConfigFile: .teramotc.hcl comes with the pull request too; the
// same limits apply to it.
func TestHostileConfigFile(t *testing.T) {
	bin := teramotc(t)
	for _, tc := range []struct {
		name, src, summary string
	}{
		{"nested blocks 200000", string(nested(200000)), "Nesting too deep"},
		{"file 5MB", "inline_ignores = true\n" + strings.Repeat("# padding padding padding\n", 5<<20/26), "File too large"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(bucketHCL), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg := filepath.Join(dir, ".teramotc.hcl")
			if err := os.WriteFile(cfg, []byte(tc.src), 0o644); err != nil {
				t.Fatal(err)
			}
			out, code, took := run(t, bin, "lint", "-f", "compact", dir)
			if code != 1 || strings.Contains(out, "goroutine ") || !strings.Contains(out, tc.summary) || !strings.Contains(out, cfg+":") {
				t.Errorf("lint exited %d after %v, want 1 with %q at %s:\n%s", code, took, tc.summary, cfg, head(out))
			}
		})
	}
}

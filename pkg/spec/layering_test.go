package spec

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPkgImportsNoInternal: the packages under pkg/ are a library and
// must not depend on the command's internal/ packages (they would be
// unusable outside this module). Test-only imports are allowed.
func TestPkgImportsNoInternal(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list over ./pkg/...")
	}
	cmd := exec.Command("go", "list", "-deps", "./pkg/...")
	cmd.Dir = "../.." // the module root
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("go list -deps ./pkg/...: %v\n%s", err, stderr)
	}
	const internal = "github.com/teramot/teramotc/internal/"
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps ./pkg/... listed only %d packages: %q", len(deps), deps)
	}
	for _, p := range deps {
		if strings.HasPrefix(p, internal) {
			t.Errorf("a package under pkg/ depends on %s; pass what it needs in through its API instead", p)
		}
	}
}

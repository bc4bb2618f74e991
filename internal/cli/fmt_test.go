package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/spec"
)

// TestFmtTooLarge checks that a file or stdin over the size limit is
// refused with a short diagnostic: no snippet of its (one, huge) line.
func TestFmtTooLarge(t *testing.T) {
	big := "# " + strings.Repeat("x", spec.MaxFileSize+1000) + "\n"
	dir := t.TempDir()
	path := filepath.Join(dir, "z.hcl")
	if err := os.WriteFile(path, []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, stdin string
		args        []string
		wantDetail  string
	}{
		{"file", "", []string{"-check", path}, "z.hcl is " + itoa(len(big)) + " bytes;"},
		{"directory", "", []string{"-check", dir}, "z.hcl is " + itoa(len(big)) + " bytes;"},
		{"stdin", big, []string{"-check", "-"}, "<stdin> is more than " + itoa(spec.MaxFileSize) + " bytes;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, stdout, stderr := testEnv(tt.stdin)
			if code := runFmt(env, tt.args); code != view.ExitError {
				t.Errorf("exit %d, want %d", code, view.ExitError)
			}
			if strings.Contains(stderr.String(), "1: #") || stderr.Len() > 1000 || stdout.Len() > 0 {
				t.Errorf("stdout %d bytes, stderr %d bytes: %.300q", stdout.Len(), stderr.Len(), stderr.String())
			}
			if !strings.Contains(stderr.String(), "Error: File too large") || !strings.Contains(stderr.String(), tt.wantDetail) {
				t.Errorf("stderr lacks the size diagnostic %q:\n%s", tt.wantDetail, stderr.String())
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

//go:build unix

package cli

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/teramot/teramotc/internal/view"
)

// TestFmtRefusesFIFO checks that fmt given a FIFO by name refuses it as not
// a regular file instead of blocking in open until a writer comes.
func TestFmtRefusesFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "ff.hcl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	env, _, stderr := testEnv("")
	done := make(chan int, 1)
	go func() { done <- runFmt(env, []string{"-check", fifo}) }()
	select {
	case code := <-done:
		if code != view.ExitError {
			t.Errorf("exit %d, want %d", code, view.ExitError)
		}
		if !strings.Contains(stderr.String(), "not a regular file") {
			t.Errorf("stderr does not say the FIFO is not a regular file:\n%s", stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("fmt blocked on the FIFO")
	}
}

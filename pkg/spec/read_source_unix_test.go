//go:build unix

package spec

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadSourceNotRegular checks that a FIFO and a device are refused
// without being opened: opening the FIFO would block until a writer came,
// and /dev/zero never ends.
func TestReadSourceNotRegular(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "ff.hcl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	for _, path := range []string{fifo, "/dev/zero"} {
		done := make(chan error, 1)
		go func() { _, _, err := ReadSource(path); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("ReadSource(%s): error %v, want ErrNotRegular", path, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("ReadSource(%s) blocked", path)
		}
	}
}

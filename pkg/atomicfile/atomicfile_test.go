package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

func TestWriteFile(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, path string) // what is at path before
		perm  fs.FileMode
	}{
		{"new file", func(*testing.T, string) {}, 0o644},
		{"new private file", func(*testing.T, string) {}, 0o600},
		{"read-only file", func(*testing.T, string) {}, 0o400},
		{"existing file gets perm", func(t *testing.T, p string) { writeTestFile(t, p, "old", 0o644) }, 0o600},
		{"existing file widened", func(t *testing.T, p string) { writeTestFile(t, p, "old", 0o600) }, 0o640},
		{"link replaced, not followed", func(t *testing.T, p string) {
			victim := filepath.Join(filepath.Dir(p), "victim")
			writeTestFile(t, victim, "precious", 0o644)
			if err := os.Symlink(victim, p); err != nil {
				t.Skipf("no symbolic links here: %v", err)
			}
		}, 0o644},
		{"dangling link replaced", func(t *testing.T, p string) {
			if err := os.Symlink(filepath.Join(filepath.Dir(p), "created"), p); err != nil {
				t.Skipf("no symbolic links here: %v", err)
			}
		}, 0o644},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.json")
			tc.setup(t, path)
			if err := WriteFile(path, "test", []byte("new content"), tc.perm); err != nil {
				t.Fatalf("WriteFile: %v", err)
			}
			info, err := os.Lstat(path)
			if err != nil {
				t.Fatal(err)
			}
			if !info.Mode().IsRegular() {
				t.Errorf("%s has mode %v, want a regular file", path, info.Mode())
			}
			if runtime.GOOS != "windows" && info.Mode().Perm() != tc.perm {
				t.Errorf("mode %v, want %v", info.Mode().Perm(), tc.perm)
			}
			if got := readTestFile(t, path); got != "new content" {
				t.Errorf("content %q, want %q", got, "new content")
			}
			if b, err := os.ReadFile(filepath.Join(dir, "victim")); err == nil && string(b) != "precious" {
				t.Errorf("the link's target was written: %q", b)
			}
			if _, err := os.Lstat(filepath.Join(dir, "created")); err == nil {
				t.Error("the dangling link's target was created")
			}
			noTemp(t, dir)
		})
	}
}

// TestWriteFailures checks that a failed Write leaves path as it was,
// removes its temporary file and names path (or its directory), never the
// temporary file.
func TestWriteFailures(t *testing.T) {
	errWrite := errors.New("the report could not be made")
	tests := []struct {
		name    string
		setup   func(t *testing.T, path string)
		write   func(io.Writer) error
		is      error  // errors.Is(err, is)
		errPath string // the *fs.PathError's Path, relative to the test directory; "" for none
	}{
		{"write func fails", func(t *testing.T, p string) { writeTestFile(t, p, "old", 0o644) },
			func(w io.Writer) error { io.WriteString(w, "partial"); return errWrite }, errWrite, ""},
		{"directory in the way", func(t *testing.T, p string) {
			if err := os.MkdirAll(filepath.Join(p, "sub"), 0o755); err != nil {
				t.Fatal(err)
			}
		}, writeString("x"), nil, "out.json"},
		{"no directory", func(*testing.T, string) {}, writeString("x"), fs.ErrNotExist, "missing"},
		{"read-only directory", func(t *testing.T, p string) {
			if runtime.GOOS == "windows" || os.Geteuid() == 0 {
				t.Skip("directory permissions are not enforced here")
			}
			writeTestFile(t, p, "old", 0o644)
			dir := filepath.Dir(p)
			if err := os.Chmod(dir, 0o555); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
		}, writeString("x"), fs.ErrPermission, "."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.json")
			if tc.errPath == "missing" {
				path = filepath.Join(dir, "missing", "out.json")
			}
			tc.setup(t, path)
			before, _ := os.ReadFile(path)
			err := Write(path, "test", 0o644, tc.write)
			if err == nil {
				t.Fatal("Write succeeded, want an error")
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v, want one that is %v", err, tc.is)
			}
			if strings.Contains(err.Error(), ".teramotc-") {
				t.Errorf("error %q names the temporary file", err)
			}
			pe, ok := errors.AsType[*fs.PathError](err)
			switch {
			case tc.errPath == "" && ok:
				t.Errorf("error %v is a *fs.PathError, want the write func's own", err)
			case tc.errPath != "" && !ok:
				t.Errorf("error %v (%T) is not a *fs.PathError", err, err)
			case tc.errPath != "" && pe.Path != filepath.Join(dir, tc.errPath):
				t.Errorf("error names %s, want %s", pe.Path, filepath.Join(dir, tc.errPath))
			}
			if after, _ := os.ReadFile(path); string(after) != string(before) {
				t.Errorf("path changed from %q to %q", before, after)
			}
			noTemp(t, dir)
		})
	}
}

// TestWriteErrorsNamePath checks that an error of writing to the file,
// which names the temporary file, is reported on path.
func TestWriteErrorsNamePath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	err := Write(path, "test", 0o644, func(w io.Writer) error {
		fw := w.(*fileWriter)
		fw.f.Close() // the next write fails on the temporary file
		_, err := w.Write([]byte("x"))
		return err
	})
	pe, ok := errors.AsType[*fs.PathError](err)
	if !ok || pe.Op != "write" || pe.Path != path || !errors.Is(err, fs.ErrClosed) {
		t.Errorf("error %#v, want a write error on %s that is fs.ErrClosed", err, path)
	}
	noTemp(t, dir)
}

func TestUnderlying(t *testing.T) {
	for _, err := range []error{
		&fs.PathError{Op: "write", Path: "/d/.teramotc-x-1", Err: syscall.ENOSPC},
		&os.LinkError{Op: "rename", Old: "/d/.teramotc-x-1", New: "/d/out", Err: syscall.ENOSPC},
		syscall.ENOSPC,
	} {
		if got := underlying(err); got != syscall.ENOSPC {
			t.Errorf("underlying(%v) = %v, want ENOSPC", err, got)
		}
	}
}

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

func writeTestFile(t *testing.T, path, content string, perm fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), perm); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, perm); err != nil {
		t.Fatal(err)
	}
}

func readTestFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// noTemp fails when a temporary file of Write is left in dir.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(dir, ".teramotc-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

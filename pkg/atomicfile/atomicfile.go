// Package atomicfile replaces a file whole: readers see the old content or
// the new, never part of it, and a symbolic link at the path is replaced,
// never followed.
package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Write replaces the file at path with what write writes, with mode perm
// (whatever the umask, and whatever mode a file there had). The content
// goes to a new file named .teramotc-TAG-* (tag names the writer, "fmt" or
// "plan", so a file left by a crash says who left it) in path's directory,
// is synced, and is renamed over path once complete. Because the rename
// replaces whatever is at path, a symbolic link put there is replaced, not
// followed; callers that must also refuse linked directories leading to
// path check before (render.RefuseLinks). The directory must exist.
//
// On any failure the new file is removed and path is left as it was. An
// *fs.PathError from Write names path (or, when the new file cannot be
// created, its directory), never the temporary file; an error of write
// that is not about the file is returned as it is.
func Write(path, tag string, perm fs.FileMode, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".teramotc-"+tag+"-*")
	if err != nil {
		return &fs.PathError{Op: "create", Path: dir, Err: underlying(err)}
	}
	tmp := f.Name()
	err = write(&fileWriter{f: f, path: path})
	if err == nil {
		err = onPath("sync", path, f.Sync())
	}
	if err == nil {
		err = onPath("chmod", path, f.Chmod(perm))
	}
	if cerr := onPath("close", path, f.Close()); err == nil {
		err = cerr
	}
	if err == nil {
		err = onPath("rename", path, os.Rename(tmp, path))
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// WriteFile is Write of data.
func WriteFile(path, tag string, data []byte, perm fs.FileMode) error {
	return Write(path, tag, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// fileWriter writes to the temporary file f; its errors name path.
type fileWriter struct {
	f    *os.File
	path string
}

func (w *fileWriter) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	return n, onPath("write", w.path, err)
}

// onPath returns err, an error of an operation on the temporary file, as
// an *fs.PathError of op on path; nil stays nil.
func onPath(op, path string, err error) error {
	if err == nil {
		return nil
	}
	return &fs.PathError{Op: op, Path: path, Err: underlying(err)}
}

// underlying returns the cause in a *fs.PathError or *os.LinkError (which
// name the temporary file), else err.
func underlying(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	if le, ok := errors.AsType[*os.LinkError](err); ok {
		return le.Err
	}
	return err
}

package spec

import (
	"errors"
	"io"
	"os"
)

// ErrNotRegular is the error of ReadSource for a path that is not a
// regular file: a directory, FIFO, device or socket.
var ErrNotRegular = errors.New("not a regular file")

// ReadSource reads at most MaxFileSize+1 bytes of the regular file path and
// returns them with the file's size: len(src) > MaxFileSize means the file
// is too large (size is then the size the file system reports), and it was
// not read whole. Only a regular file is opened
// (ErrNotRegular otherwise): opening a FIFO would wait for a writer forever,
// and a device may never end. The check after opening catches a file
// swapped in between. Other errors are those of os.Stat, os.Open and the
// read, naming path. Callers word the problems: the loader as diagnostics
// (readFile), fmt as its own.
func ReadSource(path string) (src []byte, size int64, err error) {
	if info, err := os.Stat(path); err != nil {
		return nil, 0, err
	} else if !info.Mode().IsRegular() {
		return nil, 0, ErrNotRegular
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && !info.Mode().IsRegular() {
		return nil, 0, ErrNotRegular
	}
	src, err = io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	size = int64(len(src))
	if info, serr := f.Stat(); serr == nil && len(src) > MaxFileSize {
		size = info.Size()
	}
	return src, size, err
}

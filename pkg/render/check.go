package render

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"sort"
)

// Check compares out with the files under dir and returns the sorted paths
// that are stale: rendered documents that are missing, different or not a
// regular file, and files the previous manifest.json lists that out no
// longer contains (those Write would remove). Other files in dir are never
// stale. err reports I/O failures, and a *LinkError when dir, or a
// directory leading to it below the working directory, is a symbolic link
// (RefuseLinks): Check never reads through one.
func Check(out *Output, dir string) (stale []string, err error) {
	if err := RefuseLinks(dir); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if errors.Is(err, fs.ErrNotExist) {
		for _, d := range out.Documents {
			stale = append(stale, d.Path)
		}
		return stale, nil
	}
	if err != nil {
		return nil, err
	}
	defer root.Close()
	owned, _, err := previousFiles(root)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, d := range out.Documents {
		want[d.Path] = true
		got, err := readRegular(root, d.Path)
		switch {
		case errors.Is(err, fs.ErrNotExist), errors.Is(err, errNotRegular):
			stale = append(stale, d.Path)
		case err != nil:
			return nil, err
		case !bytes.Equal(got, Marshal(d)):
			stale = append(stale, d.Path)
		}
	}
	for p := range owned {
		if want[p] {
			continue
		}
		err := lstat(root, p)
		switch {
		case err == nil:
			stale = append(stale, p)
		case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, errNotRegular):
			return nil, err
		}
	}
	sort.Strings(stale)
	return stale, nil
}

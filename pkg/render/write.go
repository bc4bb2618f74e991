package render

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// layoutDirs are the directories under an output directory that render owns;
// with manifest.json they are the known layout. Other files are left alone.
var layoutDirs = []string{"buckets", "grants", "trails"}

// Write writes every document of out under dir and removes files of the known
// layout that out no longer contains, so that dir holds exactly the rendered
// output. Sensitive documents are written with mode 0600.
func Write(out *Output, dir string) error {
	want := map[string]bool{}
	for _, d := range out.Documents {
		if !filepath.IsLocal(filepath.FromSlash(d.Path)) {
			return fmt.Errorf("render: refusing to write %q outside %s", d.Path, dir)
		}
		want[d.Path] = true
		path := filepath.Join(dir, filepath.FromSlash(d.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if d.Sensitive {
			mode = 0o600
		}
		if err := os.WriteFile(path, Marshal(d), mode); err != nil {
			return err
		}
		if err := os.Chmod(path, mode); err != nil {
			return err
		}
	}
	existing, err := layoutFiles(dir)
	if err != nil {
		return err
	}
	for _, p := range existing {
		if !want[p] {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
				return err
			}
		}
	}
	return removeEmptyDirs(dir)
}

// Check compares out with the files under dir and returns the sorted paths
// that are stale: missing, different, or present under the known layout
// without being part of out. err reports only I/O failures.
func Check(out *Output, dir string) (stale []string, err error) {
	want := map[string]bool{}
	for _, d := range out.Documents {
		want[d.Path] = true
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(d.Path)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			stale = append(stale, d.Path)
		case err != nil:
			return nil, err
		case !bytes.Equal(got, Marshal(d)):
			stale = append(stale, d.Path)
		}
	}
	existing, err := layoutFiles(dir)
	if err != nil {
		return nil, err
	}
	for _, p := range existing {
		if !want[p] {
			stale = append(stale, p)
		}
	}
	sort.Strings(stale)
	return stale, nil
}

// layoutFiles lists the files of the known layout under dir, as slash paths
// relative to dir. A missing dir or layout directory holds no files.
func layoutFiles(dir string) ([]string, error) {
	var files []string
	if _, err := os.Stat(filepath.Join(dir, ManifestPath)); err == nil {
		files = append(files, ManifestPath)
	}
	for _, sub := range layoutDirs {
		root := filepath.Join(dir, sub)
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && path == root {
					return filepath.SkipDir
				}
				return err
			}
			if d.Type().IsRegular() {
				rel, err := filepath.Rel(dir, path)
				if err != nil {
					return err
				}
				files = append(files, filepath.ToSlash(rel))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// removeEmptyDirs deletes directories of the known layout left empty.
func removeEmptyDirs(dir string) error {
	for _, sub := range layoutDirs {
		var dirs []string
		err := filepath.WalkDir(filepath.Join(dir, sub), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return filepath.SkipDir
				}
				return err
			}
			if d.IsDir() {
				dirs = append(dirs, path)
			}
			return nil
		})
		if err != nil {
			return err
		}
		// Deepest first, so parents emptied by their children go too.
		sort.Slice(dirs, func(i, j int) bool {
			return strings.Count(dirs[i], string(filepath.Separator)) > strings.Count(dirs[j], string(filepath.Separator))
		})
		for _, d := range dirs {
			if entries, err := os.ReadDir(d); err == nil && len(entries) == 0 {
				if err := os.Remove(d); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

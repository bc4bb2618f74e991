package render

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// LinkError says that a path teramotc was asked to write, or a directory
// leading to it, is a symbolic link.
type LinkError struct {
	Path string // the link, as the caller named it (relative when it was)
}

func (e *LinkError) Error() string {
	return fmt.Sprintf("%s is a symbolic link, which teramotc does not follow", e.Path)
}

// RefuseLinks returns a *LinkError when path is a symbolic link, or when one
// of the directories leading to it below the working directory is. Those
// are the entries a repository (a pull request) can commit: following one
// would let it make teramotc write anywhere the user may. Directories above
// the working directory, and those of a path that lies outside it, are the
// user's choice and are followed. Missing parts are fine (the caller creates
// them), and so is a path that does not exist yet.
func RefuseLinks(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	check := []string{abs}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil && filepath.IsLocal(rel) {
			check = check[:0]
			for p := rel; p != "."; p = filepath.Dir(p) {
				check = append(check, filepath.Join(wd, p))
			}
		}
	}
	// Outermost first: the first link met is the one to name.
	for i := len(check) - 1; i >= 0; i-- {
		info, err := os.Lstat(check[i])
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil
		case err != nil:
			return err
		case info.Mode()&fs.ModeSymlink != 0:
			return &LinkError{Path: shown(path, check[i])}
		}
	}
	return nil
}

// shown names p, the absolute form of a leading part of path, the way the
// user wrote path: relative when path was.
func shown(path, p string) string {
	if filepath.IsAbs(path) {
		return p
	}
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, p); err == nil {
		return rel
	}
	return p
}

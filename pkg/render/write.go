package render

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Write writes every document of out under dir, the manifest last, and
// removes the files the previous manifest.json in dir lists that out no
// longer contains. It never removes or overwrites anything else: a file in
// the way that no earlier render wrote (unless it already holds exactly the
// rendered bytes), or a symbolic link, makes Write return a *ConflictError
// before it changes anything. Sensitive documents are written with mode
// 0600. When dir itself, or a directory leading to it below the working
// directory, is a symbolic link, Write returns a *LinkError (RefuseLinks)
// and writes nothing: a repository could commit such a link to have the
// tree written outside it.
func Write(out *Output, dir string) error {
	for _, d := range out.Documents {
		if !filepath.IsLocal(filepath.FromSlash(d.Path)) {
			return fmt.Errorf("render: refusing to write %q outside %s", d.Path, dir)
		}
	}
	if err := RefuseLinks(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	owned, ours, err := previousFiles(root)
	if err != nil {
		return err
	}
	if ours {
		owned[ManifestPath] = true
	}
	if err := conflicts(root, dir, out, owned); err != nil {
		return err
	}

	want := map[string]bool{}
	var manifest *Document
	for _, d := range out.Documents {
		want[d.Path] = true
		if d.Path == ManifestPath {
			manifest = d
		}
	}
	if err := removeStale(root, owned, want); err != nil {
		return err
	}
	for _, d := range out.Documents {
		if d != manifest {
			if err := writeDoc(root, d); err != nil {
				return err
			}
		}
	}
	if manifest != nil {
		return writeDoc(root, manifest)
	}
	return nil
}

// conflicts returns a *ConflictError for the documents of out whose path in
// root holds something Write may not overwrite.
func conflicts(root *os.Root, dir string, out *Output, owned map[string]bool) error {
	cerr := &ConflictError{Dir: dir}
	for _, d := range out.Documents {
		err := lstat(root, d.Path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case errors.Is(err, errNotRegular):
			cerr.Files = append(cerr.Files, Conflict{Path: d.Path, Link: true})
		case err != nil:
			return err
		case owned[d.Path]:
		default:
			got, err := root.ReadFile(filepath.FromSlash(d.Path))
			if err != nil {
				return err
			}
			if !bytes.Equal(got, Marshal(d)) {
				cerr.Files = append(cerr.Files, Conflict{Path: d.Path})
			}
		}
	}
	if len(cerr.Files) > 0 {
		return cerr
	}
	return nil
}

// removeStale removes the regular files in owned that are not wanted, then
// the directories that removal left empty. Links are left alone.
func removeStale(root *os.Root, owned, want map[string]bool) error {
	dirs := map[string]bool{}
	for p := range owned {
		if want[p] {
			continue
		}
		if err := lstat(root, p); errors.Is(err, fs.ErrNotExist) || errors.Is(err, errNotRegular) {
			continue
		} else if err != nil {
			return err
		}
		if err := root.Remove(filepath.FromSlash(p)); err != nil {
			return err
		}
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	// Deepest first, so parents emptied by their children go too.
	sorted := make([]string, 0, len(dirs))
	for d := range dirs {
		sorted = append(sorted, d)
	}
	sort.Slice(sorted, func(i, j int) bool {
		return strings.Count(sorted[i], "/") > strings.Count(sorted[j], "/")
	})
	for _, d := range sorted {
		info, err := root.Lstat(filepath.FromSlash(d))
		if err != nil || !info.IsDir() {
			continue
		}
		if f, err := root.Open(filepath.FromSlash(d)); err == nil {
			names, _ := f.Readdirnames(1)
			f.Close()
			if len(names) == 0 {
				if err := root.Remove(filepath.FromSlash(d)); err != nil && !errors.Is(err, fs.ErrNotExist) {
					return err
				}
			}
		}
	}
	return nil
}

// writeDoc writes d under root with mode 0644, or 0600 when sensitive.
func writeDoc(root *os.Root, d *Document) error {
	mode := os.FileMode(0o644)
	if d.Sensitive {
		mode = 0o600
	}
	return writeFile(root, d.Path, Marshal(d), mode)
}

// WriteFile writes data to the file at the slash-separated relative path
// name under dir, creating its parent directories (0755) as needed. Like
// Write, it never writes outside dir: every step of the path is resolved
// inside dir (os.Root), so neither ".." nor a symbolic link that leads out
// of dir is followed, and dir itself must not be a link (RefuseLinks). The file has mode perm from the moment it exists, and
// an existing file is set to perm before the new content is written, so
// data is never readable at a wider mode. WriteFile does not check what it
// replaces: callers that may only replace their own files check first
// (Write does, with its manifest).
//
// A *fs.PathError it returns names the path under dir (filepath.Join(dir,
// name), or the parent directory that failed), not the path inside the
// root, so that it reads right wherever the caller runs.
func WriteFile(dir, name string, data []byte, perm fs.FileMode) error {
	if err := RefuseLinks(dir); err != nil {
		return err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	err = writeFile(root, name, data, perm)
	if pe, ok := errors.AsType[*fs.PathError](err); ok && !filepath.IsAbs(pe.Path) {
		pe.Path = filepath.Join(dir, pe.Path)
	}
	return err
}

// writeFile is WriteFile in an open root.
func writeFile(root *os.Root, name string, data []byte, perm fs.FileMode) error {
	name = filepath.FromSlash(name)
	if err := root.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	// Chmod on the open file: an existing file keeps its old mode otherwise,
	// and a new one has perm less the umask.
	if err := f.Chmod(perm); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Conflict is one file in the way of Write.
type Conflict struct {
	Path string
	// Link is true when the path is, or lies under, a symbolic link or
	// another entry that is not a plain directory or regular file.
	Link bool
}

// ConflictError lists the files that Write refused to overwrite. Write
// changed nothing when it returns one.
type ConflictError struct {
	Dir   string
	Files []Conflict
}

func (e *ConflictError) Error() string {
	paths := make([]string, len(e.Files))
	for i, c := range e.Files {
		paths[i] = c.Path
	}
	return fmt.Sprintf("render: %s holds files render did not write: %s", e.Dir, strings.Join(paths, ", "))
}

// Diagnostics describes each conflict and what to do about it.
func (e *ConflictError) Diagnostics() hcl.Diagnostics {
	diags := make(hcl.Diagnostics, len(e.Files))
	for i, c := range e.Files {
		file := filepath.Join(e.Dir, filepath.FromSlash(c.Path))
		d := &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Output file was not written by render",
			Detail: fmt.Sprintf("%s already exists and is not listed in %s, the manifest of an earlier render, "+
				"so render will not overwrite it. Move or delete the file if render may replace it, or render to another directory.",
				file, filepath.Join(e.Dir, ManifestPath)),
		}
		if c.Path == ManifestPath {
			d.Detail = fmt.Sprintf("%s already exists and is not a manifest written by render, so render will not overwrite it. "+
				"Move or delete it if render may replace it, or render to another directory.", file)
		}
		if c.Link {
			d.Summary = "Output path is a symbolic link"
			d.Detail = fmt.Sprintf("%s is, or lies under, a symbolic link or another entry that is not a plain directory or file. "+
				"Render writes only regular files and never follows links. Replace the link with a directory, or render to another directory.", file)
		}
		diags[i] = d
	}
	return diags
}

package render

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Render owns only the files it wrote. The previous manifest.json in the
// output directory is the record of them: a file it lists that the spec no
// longer renders is stale and may be removed; anything else in the
// directory belongs to the user and is never removed or overwritten. Every
// access goes through an os.Root and never follows a symbolic link, so
// nothing outside the directory is read, written or removed.

// layoutDir maps the file name of each rendered document to the directory of
// the layout it lives under: buckets/NAME/FILE, grants/LABEL/FILE or
// trails/LABEL/FILE.
var layoutDir = map[string]string{
	string(KindPublicAccessBlock) + ".json": "buckets",
	string(KindOwnershipControls) + ".json": "buckets",
	string(KindEncryption) + ".json":        "buckets",
	string(KindVersioning) + ".json":        "buckets",
	string(KindLifecycle) + ".json":         "buckets",
	string(KindLogging) + ".json":           "buckets",
	string(KindBucketPolicy) + ".json":      "buckets",
	string(KindTagging) + ".json":           "buckets",
	string(KindIdentityPolicy) + ".json":    "grants",
	string(KindTrustPolicy) + ".json":       "grants",
	string(KindTrail) + ".json":             "trails",
	string(KindEventSelectors) + ".json":    "trails",
}

// isRenderedPath reports whether p, a slash path from a manifest, has the
// shape of a file render writes. Anything else a manifest lists (../x, an
// absolute path, src/main.go) is ignored, so an edited manifest cannot make
// render remove a file it never wrote.
func isRenderedPath(p string) bool {
	parts := strings.Split(p, "/")
	return len(parts) == 3 && path.Clean(p) == p && filepath.IsLocal(filepath.FromSlash(p)) &&
		parts[1] != "." && parts[1] != ".." && layoutDir[parts[2]] == parts[0]
}

// previousFiles returns the files the manifest.json in root lists (those of
// the rendered shape), and whether that manifest was written by render at
// all. A missing manifest, or one that is a link, unreadable as render's
// format or of another format version, lists nothing.
func previousFiles(root *os.Root) (files map[string]bool, ours bool, err error) {
	b, err := readRegular(root, ManifestPath)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, errNotRegular) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	var m struct {
		FormatVersion *int `json:"format_version"`
		Files         []struct {
			Path string `json:"path"`
		} `json:"files"`
	}
	if json.Unmarshal(b, &m) != nil || m.FormatVersion == nil || *m.FormatVersion != manifestVersion || m.Files == nil {
		return nil, false, nil
	}
	files = map[string]bool{}
	for _, f := range m.Files {
		if isRenderedPath(f.Path) {
			files[f.Path] = true
		}
	}
	return files, true, nil
}

// errNotRegular is returned for a path that is, or lies under, a symbolic
// link or anything else that is not a plain directory or regular file.
var errNotRegular = errors.New("not a regular file (or under a symbolic link)")

// lstat describes the slash path p under root without following any link:
// fs.ErrNotExist when it is missing, errNotRegular when p or one of its
// parent directories is a link, a device or any other non-regular entry.
func lstat(root *os.Root, p string) error {
	parts := strings.Split(p, "/")
	for i := range parts {
		info, err := root.Lstat(filepath.FromSlash(strings.Join(parts[:i+1], "/")))
		if err != nil {
			return err
		}
		last := i == len(parts)-1
		if last && !info.Mode().IsRegular() || !last && !info.IsDir() {
			return errNotRegular
		}
	}
	return nil
}

// readRegular reads the regular file at slash path p under root, refusing
// links (see lstat).
func readRegular(root *os.Root, p string) ([]byte, error) {
	if err := lstat(root, p); err != nil {
		return nil, err
	}
	return root.ReadFile(filepath.FromSlash(p))
}

// ReadFile reads the file at slash path p under dir the way Check does: never
// through a symbolic link and never outside dir. It returns an error matching
// fs.ErrNotExist when the file is missing.
func ReadFile(dir, p string) ([]byte, error) {
	if !filepath.IsLocal(filepath.FromSlash(p)) {
		return nil, errNotRegular
	}
	if err := RefuseLinks(dir); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return readRegular(root, p)
}

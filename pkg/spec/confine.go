package spec

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// confine reports a diagnostic when the spec file filename, once symlinks
// are resolved, lies outside root, or is a link to a hidden file inside it
// (x.hcl -> .env, -> .git/config): the hidden-path rule of file() holds for
// spec files too. A hidden file named as such (.x.hcl) is not refused.
func confine(filename, root string, subject *hcl.Range) *hcl.Diagnostic {
	realRoot, real, ok := resolve(filename, root)
	if !ok {
		return nil // the open that follows reports the real problem
	}
	if d := outside(filename, root, realRoot, real, subject); d != nil {
		return d
	}
	rel, err := filepath.Rel(realRoot, real)
	if err != nil || !hidden(rel) {
		return nil
	}
	if given, err := filepath.Rel(root, filename); err == nil && filepath.Clean(given) == rel {
		return nil
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Link to a hidden file",
		Detail: fmt.Sprintf("%s is a symbolic link to %s, a hidden file or one in a hidden directory "+
			"(a name starting with a dot, such as .git or .env), which teramotc refuses to read: hidden files hold credentials. "+
			"Replace the link with a copy of the spec file.", filename, filepath.ToSlash(rel)),
		Subject: subject,
	}
}

// resolve returns root and filename with symlinks resolved, or false when
// either cannot be resolved.
func resolve(filename, root string) (realRoot, real string, ok bool) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", "", false
	}
	real, err = filepath.EvalSymlinks(filename)
	if err != nil {
		return "", "", false
	}
	return realRoot, real, true
}

func outside(filename, root, realRoot, real string, subject *hcl.Range) *hcl.Diagnostic {
	if within(realRoot, real) {
		return nil
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "File outside the spec root",
		Detail: fmt.Sprintf("%s resolves (through a symbolic link) to a file outside the spec root %s; "+
			"teramotc reads no file outside the spec's directory. Copy the file into the spec.", filename, root),
		Subject: subject,
	}
}

// Confine is the outside-the-root check of confine for other packages that
// read a file from a spec directory (lint's .teramotc.hcl, policies): a
// diagnostic at subject when filename, once symlinks are resolved, lies
// outside root; nil when it lies inside or when either path cannot be
// resolved (opening the file reports that).
func Confine(filename, root string, subject *hcl.Range) *hcl.Diagnostic {
	realRoot, real, ok := resolve(filename, root)
	if !ok {
		return nil
	}
	return outside(filename, root, realRoot, real, subject)
}

func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return false
	}
	return rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// rootPath resolves a path given to file() or templatefile() against the spec
// root, refusing absolute paths, ".." components and symlinks that escape.
func rootPath(root, p string) (string, error) {
	if p == "" {
		return "", fmt.Errorf("the path is empty")
	}
	if filepath.IsAbs(p) || strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) || filepath.VolumeName(p) != "" {
		return "", fmt.Errorf("absolute paths are not allowed; give a path relative to the spec directory")
	}
	for _, part := range strings.FieldsFunc(p, func(r rune) bool { return r == '/' || r == '\\' }) {
		if part == ".." {
			return "", fmt.Errorf(`paths may not contain ".."; files must live inside the spec directory`)
		}
	}
	if hidden(p) {
		return "", hiddenError(p, p)
	}
	full := filepath.Join(root, p)
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", fmt.Errorf("cannot resolve the spec directory")
	}
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		if os.IsNotExist(err) {
			return "", fmt.Errorf("no file %q in the spec directory", p)
		}
		return "", fmt.Errorf("cannot resolve %q", p)
	}
	if !within(realRoot, real) {
		return "", fmt.Errorf("%q is a symbolic link to a file outside the spec directory, which teramotc refuses to read", p)
	}
	if rel, _ := filepath.Rel(realRoot, real); hidden(rel) {
		return "", hiddenError(p, filepath.ToSlash(rel))
	}
	return real, nil
}

// hidden reports whether a relative path has a component that starts with
// a dot (".git", ".env", ".aws"), other than "." itself. file() and
// templatefile() refuse such paths, also when a symbolic link leads to one,
// and confine refuses a spec file that links to one: the spec root is often a repository's root, where actions/checkout writes
// the job's token into .git/config, and hidden files are where tools keep
// credentials. A spec has no need of them.
func hidden(p string) bool {
	for _, part := range strings.FieldsFunc(p, func(r rune) bool { return r == '/' || r == '\\' }) {
		if part != "." && strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}

func hiddenError(p, target string) error {
	if p == target {
		return fmt.Errorf("%q is a hidden file or lies in a hidden directory (a name starting with a dot, such as .git), "+
			"which teramotc refuses to read: hidden files hold credentials. Move the file to a path without such a name", p)
	}
	return fmt.Errorf("%q leads to %q, a hidden file or one in a hidden directory (a name starting with a dot, such as .git), "+
		"which teramotc refuses to read: hidden files hold credentials. Move the file to a path without such a name", p, target)
}

package view

import (
	"bytes"
	"net/url"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/owenrumney/go-sarif/v2/sarif"
)

// rootRelative returns name relative to root, with forward slashes, when
// root is set and name (relative to workDir unless absolute) lies inside
// it; else name unchanged and false.
func rootRelative(root, workDir, name string) (string, bool) {
	if root == "" || name == "" {
		return name, false
	}
	abs := name
	if !filepath.IsAbs(abs) {
		if workDir == "" {
			return name, false
		}
		abs = filepath.Join(workDir, abs)
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return name, false
	}
	return filepath.ToSlash(rel), true
}

// gitHubPath is the file name of an annotation: relative to GitHubRoot
// when it holds the file.
func (r *LintReport) gitHubPath(name string) string {
	rel, _ := rootRelative(r.GitHubRoot, r.WorkDir, name)
	return rel
}

// sarifPath is the name SARIF fingerprints use: relative to SARIFRoot when
// it holds the file, so that they do not change with the working
// directory.
func (r *LintReport) sarifPath(name string) string {
	rel, _ := rootRelative(r.SARIFRoot, r.WorkDir, name)
	return filepath.ToSlash(rel)
}

// sarifArtifact returns the artifact location of a file: a URI relative to
// %SRCROOT% (SARIFRoot, else the working directory) with forward slashes
// and escaping, or a file:// URI for a path outside SARIFRoot or absolute.
func (r *LintReport) sarifArtifact(name string) *sarif.ArtifactLocation {
	if name == "" {
		return sarif.NewSimpleArtifactLocation(".").WithUriBaseId(sarifSrcRoot)
	}
	if r.SARIFRoot != "" {
		if rel, ok := rootRelative(r.SARIFRoot, r.WorkDir, name); ok {
			return sarif.NewSimpleArtifactLocation(relativeURI(rel)).WithUriBaseId(sarifSrcRoot)
		}
		if !filepath.IsAbs(name) && r.WorkDir != "" {
			name = filepath.Join(r.WorkDir, name)
		}
	}
	p := filepath.ToSlash(name)
	if filepath.IsAbs(name) || path.IsAbs(p) {
		return sarif.NewSimpleArtifactLocation(fileURI(p, false))
	}
	return sarif.NewSimpleArtifactLocation(relativeURI(p)).WithUriBaseId(sarifSrcRoot)
}

// relativeURI is the escaped relative reference of a slash path. A first
// segment with a colon, c:x/main.hcl, would read as a scheme (RFC 3986
// section 4.2): URL.String gives it a ./ prefix.
func relativeURI(p string) string {
	return (&url.URL{Path: path.Clean(p)}).String()
}

// fileURI is the file:// URI of an absolute slash path; dir adds the final
// slash SARIF requires of a base URI.
func fileURI(p string, dir bool) string {
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive, C:/x
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// sarifColumn is the column of pos in Unicode code points (SARIF
// columnKind unicodeCodePoints), from the source line of file. HCL counts
// grapheme clusters, which differ when a combining mark or a joined emoji
// precedes pos. Without the source, or when pos does not match it, the
// HCL column is kept. A UTF-8 byte order mark does not count.
func sarifColumn(file *hcl.File, pos hcl.Pos) int {
	if file == nil || pos.Byte < 0 || pos.Byte > len(file.Bytes) || pos.Line < 1 {
		return pos.Column
	}
	before := file.Bytes[:pos.Byte]
	if bytes.Count(before, []byte("\n")) != pos.Line-1 {
		return pos.Column
	}
	line := before[bytes.LastIndexByte(before, '\n')+1:]
	if pos.Line == 1 {
		// a byte order mark is an encoding signature, not a character of
		// the line: editors and GitHub do not show it
		line = bytes.TrimPrefix(line, []byte("\uFEFF"))
	}
	if !utf8.Valid(line) {
		return pos.Column
	}
	return utf8.RuneCount(line) + 1
}

package spec

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/teramot/teramotc/pkg/internal/hclcol"
)

// ConfigFileName is the tool's own configuration file, never part of a spec.
const ConfigFileName = ".teramotc.hcl"

// specFiles lists the files of the spec at path and the spec root.
func specFiles(path string) (files []string, root string, diags hcl.Diagnostics) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, "", hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot read spec",
			Detail:   fmt.Sprintf("%s. Pass a directory of *.hcl files or a single .hcl file.", cleanErr(err)),
		}}
	}
	if !info.IsDir() {
		if filepath.Base(path) == ConfigFileName {
			return nil, "", hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Not a spec file",
				Detail: fmt.Sprintf("%s is teramotc's lint configuration file, not part of a spec. "+
					"Pass the spec directory instead: teramotc validate %s", path, filepath.Dir(path)),
			}}
		}
		if !IsSpecFileName(path) {
			return nil, "", hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Not a spec file",
				Detail: fmt.Sprintf("%s is not a .hcl file. A spec is a directory of *.hcl files or a single .hcl file; "+
					"pass variable values with -var-file.", path),
			}}
		}
		return []string{path}, filepath.Dir(path), nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, "", hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot read spec directory",
			Detail:   cleanErr(err) + ".",
		}}
	}
	var names []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !IsSpecFileName(name) {
			continue
		}
		names = append(names, name)
	}
	sort.Strings(names)
	for _, n := range names {
		files = append(files, filepath.Join(path, n))
	}
	return files, path, nil
}

// IsSpecFileName reports whether path names a spec file: a .hcl file other
// than the tool's configuration file.
func IsSpecFileName(path string) bool {
	base := filepath.Base(path)
	return strings.HasSuffix(base, ".hcl") && base != ConfigFileName
}

// readFile reads one spec or variable file, refusing files that resolve
// outside root (root "" disables the check), files over MaxFileSize and
// content that is not UTF-8 text.
func readFile(filename, root string) ([]byte, hcl.Diagnostics) {
	start := &hcl.Range{Filename: filename, Start: hcl.InitialPos, End: hcl.InitialPos}
	if root != "" {
		if d := confine(filename, root, start); d != nil {
			return nil, hcl.Diagnostics{d}
		}
	}
	src, size, err := ReadSource(filename)
	switch {
	case errors.Is(err, ErrNotRegular):
		return nil, hcl.Diagnostics{notRegular(filename, start)}
	case err != nil:
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot read file",
			Detail:   cleanErr(err) + ".",
			Subject:  start,
		}}
	case len(src) > MaxFileSize:
		return nil, hcl.Diagnostics{fileTooLarge(filename, size)}
	}
	return src, checkText(src, filename)
}

// notRegular refuses a FIFO, device or socket given or found as a spec file.
func notRegular(filename string, start *hcl.Range) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Not a regular file",
		Detail:   fmt.Sprintf("%s is not a regular file; a spec is made of plain .hcl files.", filename),
		Subject:  start,
	}
}

// checkText rejects binary content and invalid UTF-8 with the position of
// the first offending byte.
func checkText(src []byte, filename string) hcl.Diagnostics {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Binary file",
			Detail:   fmt.Sprintf("%s contains a NUL byte; spec files must be UTF-8 text.", filename),
			Subject:  byteRange(src, filename, i),
		}}
	}
	if !utf8.Valid(src) {
		i := 0
		for i < len(src) {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid character encoding",
			Detail:   fmt.Sprintf("%s is not valid UTF-8 text. Save it as UTF-8.", filename),
			Subject:  byteRange(src, filename, i),
		}}
	}
	return nil
}

// byteRange is the one-byte range at offset i of src.
func byteRange(src []byte, filename string, i int) *hcl.Range {
	pos := offsetPos(src, i)
	end := pos
	end.Byte++
	end.Column++
	return &hcl.Range{Filename: filename, Start: pos, End: end}
}

// offsetPos converts a byte offset into a line/column position, the
// column counted in grapheme clusters as HCL counts it.
func offsetPos(src []byte, i int) hcl.Pos {
	return hclcol.Pos(src, i)
}

// parseFile reads, checks and parses one HCL file into p, and returns its
// source and tokens too.
func parseFile(p *hclparse.Parser, filename, root string) (*hcl.File, []byte, hclsyntax.Tokens, hcl.Diagnostics) {
	src, diags := readFile(filename, root)
	if diags.HasErrors() {
		return nil, src, nil, diags
	}
	tokens, d := scanLimits(src, filename)
	if d.HasErrors() {
		return nil, src, nil, d
	}
	f, d := p.ParseHCL(src, filename)
	diags = append(diags, d...)
	if f == nil || d.HasErrors() {
		return f, src, tokens, diags
	}
	if body, ok := f.Body.(*hclsyntax.Body); ok {
		if _, over := countBlocks(body, MaxBlocks); over != nil {
			diags = append(diags, tooManyBlocks(over.DefRange()))
		}
		normalizeHeredocs(body, src)
	}
	return f, src, tokens, diags
}

// parseVarFile is parseFile for a -var-file, which is given on the command
// line: a file that cannot be read is named in the detail, without a
// source location in a file that may not exist.
func parseVarFile(p *hclparse.Parser, filename string) (*hcl.File, []byte, hclsyntax.Tokens, hcl.Diagnostics) {
	f, src, tokens, diags := parseFile(p, filename, "")
	for _, d := range diags {
		switch d.Summary {
		case "Cannot read file":
			d.Detail = fmt.Sprintf("The -var-file %s cannot be read (%s). Check the path; a relative path starts "+
				"from the current directory.", filename, strings.TrimSuffix(d.Detail, "."))
		case "Not a regular file":
			d.Detail = fmt.Sprintf("The -var-file %s is not a regular file. Give -var-file an HCL file of "+
				"NAME = VALUE lines, such as prod.tfvars.", filename)
		default:
			continue
		}
		d.Summary, d.Subject = "Cannot read variable file", nil
	}
	return f, src, tokens, diags
}

func tooManyBlocks(at hcl.Range) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Too many blocks",
		Detail:   fmt.Sprintf("A spec may hold at most %d blocks; this one has more. Split it into several specs.", MaxBlocks),
		Subject:  at.Ptr(),
	}
}

// cleanErr turns an os error into a sentence fragment without Go's "open"
// prefixes.
func cleanErr(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return fmt.Sprintf("%s: %s", pe.Path, pe.Err)
	}
	return err.Error()
}

// normalizeHeredocs turns the CRLF line endings of heredoc text into LF, so
// that a spec renders the same bytes whatever line endings its checkout
// has. Only literal text written over several lines changes: an escape
// sequence such as "\r\n" in a quoted string is kept, and the file and its
// ranges are left as read.
func normalizeHeredocs(body *hclsyntax.Body, src []byte) {
	if !bytes.Contains(src, []byte("\r\n")) {
		return
	}
	hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
		lit, ok := n.(*hclsyntax.LiteralValueExpr)
		if !ok || lit.Val.Type() != cty.String || lit.Val.IsNull() {
			return nil
		}
		r := lit.SrcRange
		if r.Start.Byte < 0 || r.End.Byte > len(src) || r.Start.Byte > r.End.Byte ||
			!bytes.Contains(src[r.Start.Byte:r.End.Byte], []byte("\r\n")) {
			return nil
		}
		lit.Val = cty.StringVal(strings.ReplaceAll(lit.Val.AsString(), "\r\n", "\n"))
		return nil
	})
}

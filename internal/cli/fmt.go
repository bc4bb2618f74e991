package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/atomicfile"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

func init() {
	register(&Command{
		Name:     "fmt",
		Synopsis: "Rewrite spec files in the canonical HCL format",
		Usage: `
Usage: teramotc fmt [flags] [PATH...]

Rewrites HCL files (*.hcl, *.tfvars, .teramotc.hcl) in the canonical format,
as terraform fmt does. PATH is a file or a directory (default "."); "-"
reads stdin and writes the formatted result to stdout.

Flags:
  -list=false    do not print the names of files that changed
  -write=false   do not rewrite files
  -check         do not rewrite files; exit 3 when any file is not formatted
                 (implies -write=false)
  -diff          print a unified diff of the changes
  -recursive     also format files in subdirectories (hidden ones skipped)
  -no-color      disable colour

fmt never rewrites a file through a symbolic link: a PATH that is a link,
or lies under a linked directory below the working directory, is refused
(exit 1); -check still reads it. A directory walk skips links. Files over
4 MiB are refused.

Exit codes: 0 formatted, 1 error (unreadable file, syntax error),
3 -check found files that need formatting.
`,
		Run:      runFmt,
		Verbatim: true,
	})
}

type fmtOptions struct {
	list, write, check, diff, recursive bool
}

func runFmt(env *Env, args []string) int {
	fs := newFlagSet(env, "fmt")
	o := fmtOptions{}
	fs.BoolVar(&o.list, "list", true, "print the names of changed files")
	fs.BoolVar(&o.write, "write", true, "rewrite changed files")
	fs.BoolVar(&o.check, "check", false, "exit 3 when files are not formatted")
	fs.BoolVar(&o.diff, "diff", false, "print a unified diff of the changes")
	fs.BoolVar(&o.recursive, "recursive", false, "descend into subdirectories")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	if o.check {
		o.write = false
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var failed, changed bool
	for _, p := range paths {
		if p == "-" {
			c, ok := fmtStdin(env, o)
			failed, changed = failed || !ok, changed || c
			continue
		}
		files, err := hclFiles(p, o.recursive)
		if err != nil {
			summary := err.Error() // "no file or directory at PATH"
			if _, ok := errors.AsType[*os.PathError](err); ok {
				summary = fmt.Sprintf("cannot format %s: %s", p, reason(err, p))
			}
			report(env, &problem{summary, "Give fmt an HCL file, a directory of them, or - for stdin."})
			failed = true
			continue
		}
		for _, f := range files {
			c, ok := fmtFile(env, f, o)
			failed, changed = failed || !ok, changed || c
		}
	}
	switch {
	case failed:
		return view.ExitError
	case o.check && changed:
		return view.ExitChanged
	}
	return view.ExitOK
}

func fmtStdin(env *Env, o fmtOptions) (changed, ok bool) {
	src, err := io.ReadAll(io.LimitReader(env.Stdin, spec.MaxFileSize+1))
	if err != nil {
		report(env, &problem{"cannot read stdin: " + err.Error(), "Pipe the HCL to format into fmt -, or give fmt a file."})
		return false, false
	}
	if len(src) > spec.MaxFileSize {
		view.WriteDiagnostics(env.Stderr, hcl.Diagnostics{fmtTooLarge("<stdin>", -1)}, nil, env.ErrColor)
		return false, false
	}
	out, diags := spec.Format("<stdin>", src)
	if diags != nil {
		view.WriteDiagnostics(env.Stderr, diags, snippetFiles("<stdin>", src), env.ErrColor)
		return false, false
	}
	changed = !bytes.Equal(src, out)
	switch {
	case o.diff:
		view.WriteFmtDiff(env.Stdout, "<stdin>", src, out)
	case !o.check:
		view.WriteFmtSource(env.Stdout, out)
	}
	return changed, true
}

func fmtFile(env *Env, path string, o fmtOptions) (changed, ok bool) {
	src, size, err := spec.ReadSource(path)
	if err != nil {
		report(env, &problem{fmt.Sprintf("cannot read %s: %s", path, reason(err, path)), "Check that the file exists and that you may read it."})
		return false, false
	}
	if len(src) > spec.MaxFileSize {
		// No snippet: its one line may be megabytes long.
		view.WriteDiagnostics(env.Stderr, hcl.Diagnostics{fmtTooLarge(path, size)}, nil, env.ErrColor)
		return false, false
	}
	out, diags := spec.Format(path, src)
	if diags != nil {
		view.WriteDiagnostics(env.Stderr, diags, snippetFiles(path, src), env.ErrColor)
		return false, false
	}
	if bytes.Equal(src, out) {
		return false, true
	}
	// A file fmt will not rewrite is named in the error only, not in the
	// list of files it changed.
	if o.write {
		if le, ok := errors.AsType[*render.LinkError](render.RefuseLinks(path)); ok {
			report(env, &problem{fmt.Sprintf("refusing to rewrite %s: %s is a symbolic link", path, le.Path),
				"fmt never writes through a symbolic link, which a repository could commit to make it rewrite a file elsewhere. " +
					"Format the file the link points to, or run fmt -check to only check it."})
			return true, false
		}
	}
	if o.list {
		view.WriteFmtChanged(env.Stdout, path)
	}
	if o.diff {
		view.WriteFmtDiff(env.Stdout, path, src, out)
	}
	if o.write {
		if err := writeSameMode(path, out); err != nil {
			report(env, &problem{fmt.Sprintf("cannot rewrite %s: %s", path, reason(err, path)), "Check that you may write to the file, or run fmt -check to only check it."})
			return true, false
		}
	}
	return true, true
}

// fmtTooLarge reports a file over spec.MaxFileSize of size bytes (stdin's
// size is not known: size < 0).
func fmtTooLarge(name string, size int64) *hcl.Diagnostic {
	is := fmt.Sprintf("%d bytes", size)
	if size < 0 {
		is = fmt.Sprintf("more than %d bytes", spec.MaxFileSize)
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "File too large",
		Detail: fmt.Sprintf("%s is %s; teramotc formats files of at most %d bytes. Split it into smaller files.",
			name, is, spec.MaxFileSize),
		Subject: &hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos},
	}
}

// snippetFiles returns the source a diagnostic about the file name prints
// its snippet from: src with the credentials and sensitive defaults the
// loader would mask overwritten by '*' (spec.MaskSource), or no lines at
// all for a file other than a .hcl file (a *.tfvars file), any of whose
// values may be a secret fmt cannot know.
func snippetFiles(name string, src []byte) map[string]*hcl.File {
	if name != "<stdin>" && !strings.HasSuffix(name, ".hcl") {
		return map[string]*hcl.File{name: {}}
	}
	return map[string]*hcl.File{name: {Bytes: spec.MaskSource(name, src)}}
}

// writeSameMode replaces the content of path, keeping its permissions. The
// file is replaced whole (atomicfile), so a symbolic link put at path after
// the caller's check is replaced, never followed.
func writeSameMode(path string, data []byte) error {
	info, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", path)
	}
	return atomicfile.WriteFile(path, "fmt", data, info.Mode().Perm())
}

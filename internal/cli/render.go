package cli

import (
	"errors"
	"strings"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/export"
	"github.com/teramot/teramotc/pkg/render"
)

func init() {
	register(&Command{
		Name:     "render",
		Synopsis: "Write the AWS documents of a spec as JSON files",
		Usage: `
Usage: teramotc render [flags] [SPEC] -o DIR
       teramotc render [flags] [SPEC] -o -
       teramotc render [flags] [SPEC] -check DIR [-diff]
       teramotc render -format=cloudformation|terraform|aws-cli [SPEC] [-o DIR]

Renders the spec (default ".") into one JSON file per AWS document, each in
the shape its aws CLI parameter takes with file://, plus manifest.json.
Output is deterministic. Render only writes its own files: it removes a
file only when the manifest.json of an earlier render in DIR lists it and
the spec no longer renders it, and it never removes or overwrites any other
file (it stops with an error, changing nothing, when one is in the way) nor
follows a symbolic link: -o DIR and -check DIR refuse a DIR that is a link
or lies under one below the working directory, which a repository could
commit to have the files written outside it. Other files in DIR never make
-check fail.

Files holding a sensitive value are written with mode 0600. With -o -, all
documents are printed as one JSON object keyed by path and sensitive
documents are redacted.

With -format, the same documents are exported for another deployment
engine instead: a CloudFormation template, Terraform (aws provider v5)
configuration, or a bash script of aws CLI commands with its file://
inputs. Single-file formats print to stdout unless -o names a directory;
aws-cli needs -o DIR. Every command of the aws-cli script passes --region
(the bucket's region; for a trail, the region of the bucket it audits; for
the account check and IAM, which is global, the first bucket's region), so
the shell's default region does not matter (the aws CLI v1 reads
AWS_DEFAULT_REGION, not AWS_REGION).

Flags:
  -format=FORMAT       documents (default), cloudformation, terraform or
                       aws-cli
  -o, -out=DIR         directory to write to; "-" prints to stdout
  -check=DIR           do not write; exit 3 when DIR is stale, listing the
                       files that would change
  -diff                with -check, also print a unified diff of each file
  -var NAME=VALUE      set a variable (repeatable)
  -var-file=FILE       read variables from an HCL file (repeatable)
  -no-color            disable colour

Exit codes: 0 written or up to date, 1 error, 3 -check found stale files.
`,
		Run: runRender,
	})
}

func runRender(env *Env, args []string) int {
	fs := newFlagSet(env, "render")
	var outDir, checkDir string
	fs.StringVar(&outDir, "out", "", "output directory, or - for stdout")
	fs.StringVar(&outDir, "o", "", "shorthand for -out")
	fs.StringVar(&checkDir, "check", "", "exit 3 when DIR is stale")
	showDiff := fs.Bool("diff", false, "with -check, print a diff of stale files")
	ff := addFormatFlag(fs, "documents", "documents, "+strings.Join(export.Formats, ", "), false)
	vars := addVarFlags(fs)
	rest, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	path, ok := oneSpecArg(env, "render", rest)
	if !ok {
		return view.ExitError
	}
	format, ok := ff.get(env, "render", append([]string{"documents"}, export.Formats...))
	if !ok {
		return view.ExitError
	}
	switch {
	case format != "documents" && checkDir != "":
		return usageError(env, "render", "-check only works with the default format")
	case outDir == "" && checkDir == "" && format == "documents":
		return usageError(env, "render", "render needs -o DIR (or -o - for stdout) or -check DIR")
	case outDir != "" && checkDir != "":
		return usageError(env, "render", "-o and -check cannot be used together")
	case *showDiff && checkDir == "":
		return usageError(env, "render", "-diff only works with -check DIR")
	}
	c, diags := compileSpec(path, vars.options(env))
	if diags.HasErrors() || c.Out == nil {
		return failDiags(env, diags, c.files())
	}
	view.WriteDiagnostics(env.Stderr, diags, c.files(), env.ErrColor) // warnings
	switch {
	case format != "documents":
		return renderExport(env, format, c, outDir)
	case checkDir != "":
		return renderCheck(env, c.Out, checkDir, path, *showDiff, c.Loaded.Redact)
	case outDir == "-":
		if err := view.WriteDocuments(env.Stdout, c.Out, c.Loaded.Redact); err != nil {
			return view.WriteWritingError(env.Stderr, "to stdout", err)
		}
		return view.ExitOK
	}
	if err := render.Write(c.Out, outDir); err != nil {
		if cerr, ok := errors.AsType[*render.ConflictError](err); ok {
			diags := cerr.Diagnostics()
			for _, d := range diags { // the paths may hold a sensitive bucket name
				d.Detail = c.Loaded.Redact(d.Detail)
			}
			view.WriteDiagnostics(env.Stderr, diags, nil, env.ErrColor)
			return view.ExitError
		}
		return report(env, &problem{"cannot write the rendered files to " + outDir + ": " + reason(err, outDir), "-o names the directory to render into (created if needed); give a directory you may write to, or -o - to print to stdout."})
	}
	view.WriteRendered(env.Stdout, outDir, c.Out, c.Loaded.Redact)
	return view.ExitOK
}

// renderCheck reports the stale files of dir. Paths and diffs go through
// redact: a path holds the name of a bucket, which may be sensitive.
func renderCheck(env *Env, out *render.Output, dir, spec string, showDiff bool, redact func(string) string) int {
	paths, err := render.Check(out, dir)
	if err != nil {
		return report(env, &problem{"cannot read the rendered files in " + dir + ": " + reason(err, dir), "Give -check the directory that \"render -o DIR\" wrote."})
	}
	byPath := map[string]*render.Document{}
	for _, d := range out.Documents {
		byPath[d.Path] = d
	}
	stale := make([]view.StaleFile, len(paths))
	for i, p := range paths {
		stale[i].Path = redact(p)
		if showDiff {
			stale[i].Diff = []byte(redact(string(staleDiff(dir, p, byPath[p]))))
		}
	}
	return view.WriteRenderCheck(env.Stdout, dir, spec, stale)
}

// staleDiff returns the diff of the stale file path of dir (see
// view.StaleDiff); the file on disk is read only when its diff may show it.
func staleDiff(dir, path string, doc *render.Document) []byte {
	var old []byte
	var err error
	if doc != nil && !doc.Sensitive {
		old, err = render.ReadFile(dir, path)
	}
	return view.StaleDiff(path, doc, old, err)
}

package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/atomicfile"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/rules"
	"github.com/teramot/teramotc/pkg/spec"
)

// lintOutput is one -f FORMAT[=PATH]: path "" is stdout.
type lintOutput struct {
	format, path string
}

// lintOutputs parses the -f FORMAT[=PATH] flags. On a problem it prints
// it to stderr and returns nil and the exit code.
func lintOutputs(env *Env, specs []string) ([]lintOutput, int) {
	outs, p := parseLintOutputs(specs)
	if p != nil {
		return nil, report(env, p)
	}
	return outs, view.ExitOK
}

// parseLintOutputs parses the -f FORMAT[=PATH] flags: known formats, at
// most one to stdout, no two to the same file. The same format to the same
// place twice is one output, not a conflict.
func parseLintOutputs(specs []string) ([]lintOutput, *problem) {
	if len(specs) == 0 {
		specs = []string{"text"}
	}
	help := `Run "teramotc lint -help" for usage.`
	var outs []lintOutput
	stdout := ""
	files := map[string]string{} // cleaned path: format
	for _, s := range specs {
		format, path, _ := strings.Cut(s, "=")
		if !slices.Contains(view.LintFormats(), format) {
			return nil, &problem{fmt.Sprintf("unknown format %q.%s Lint writes %s", format,
				didYouMean(format, view.LintFormats()), strings.Join(view.LintFormats(), ", ")), help}
		}
		if path == "" || path == "-" {
			if stdout == format {
				continue
			}
			if stdout != "" {
				return nil, &problem{fmt.Sprintf("formats %s and %s both write to stdout; give one of them a file: -f %s=FILE", stdout, format, format), help}
			}
			stdout, path = format, ""
		} else {
			key := filepath.Clean(path)
			if abs, err := filepath.Abs(key); err == nil {
				key = abs
			}
			if other, ok := files[key]; ok && other == format {
				continue
			} else if ok {
				return nil, &problem{fmt.Sprintf("formats %s and %s both write to %s; give each format its own file", other, format, path), help}
			}
			files[key] = format
		}
		outs = append(outs, lintOutput{format: format, path: path})
	}
	return outs, nil
}

// lintWriter writes a lint report in every requested format.
type lintWriter struct {
	env                    *Env
	outputs                []lintOutput
	showSuppressed, noFail bool
	sarifCategory          string
	sarifSuppressed        bool // -sarif-include-suppressed
	roots                  lintRoots
}

// stop writes the report of a run that an error stopped before any spec
// was linted (a bad flag, a policy or -config file that does not load):
// diags, all of the cause, are its errors. path is the file or directory
// they concern; files hold the sources of their ranges.
func (lw *lintWriter) stop(cause view.LintCause, path string, diags hcl.Diagnostics, files map[string]*hcl.File) int {
	return lw.write((&lintStop{cause: cause, path: path, diags: diags, files: files}).report())
}

// write writes r to each output and returns the exit code. The text format
// on stdout puts its diagnostics on stderr; when no format writes to stdout,
// the errors are printed on stderr as text too, so that a run with only
// -f FORMAT=FILE still says why it failed.
func (lw *lintWriter) write(r *view.LintReport) int {
	env := lw.env
	r.ShowSuppressed, r.NoFail, r.Color, r.ErrColor = lw.showSuppressed, lw.noFail, env.Color, env.ErrColor
	r.SARIFCategory, r.SARIFIncludeSuppressed = lw.sarifCategory, lw.sarifSuppressed
	r.WorkDir, r.SARIFRoot, r.GitHubRoot = lw.roots.workDir, lw.roots.sarif, lw.roots.github
	toStdout := false
	for _, o := range lw.outputs {
		var err error
		if o.path == "" {
			toStdout = true
			err = view.WriteLintStreams(env.Stdout, env.Stderr, o.format, r)
		} else {
			err = writeLintFile(o, r)
		}
		if p, ok := errors.AsType[*problem](err); ok {
			return report(env, p)
		}
		if err != nil {
			return view.WriteWritingError(env.Stderr, o.format+" output", err)
		}
	}
	if !toStdout && r.Errors.HasErrors() {
		view.WriteDiagnostics(env.Stderr, r.Errors, r.Files, env.ErrColor)
	}
	return r.ExitCode()
}

// writeLintFile writes the report to o.path, never through a symbolic
// link: a pull request could commit teramotc.sarif as a link to any file
// the CI runner may write. It refuses a path that is a link, or that lies
// under a linked directory below the working directory (render.RefuseLinks),
// or that holds anything but a regular file (a directory, a device). The
// report replaces the path whole (atomicfile), so even a link created
// meanwhile is replaced, not followed; an existing report keeps its mode.
func writeLintFile(o lintOutput, r *view.LintReport) error {
	mode, err := lintFileMode(o)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(o.path), 0o755); err != nil {
		return err
	}
	rc := *r
	rc.Color = false
	return atomicfile.Write(o.path, "lint", mode, func(w io.Writer) error {
		return view.WriteLint(w, o.format, &rc)
	})
}

// lintFileMode checks that lint may write the report of o to o.path and
// returns the mode to write it with: 0644, or that of the report there.
func lintFileMode(o lintOutput) (os.FileMode, error) {
	refused := func(why string) error {
		return &problem{fmt.Sprintf("refusing to write the %s report to %s: %s", o.format, o.path, why),
			"Lint writes a report only to a regular file, and never through a symbolic link, which a pull request " +
				"could commit to make CI overwrite another file. Remove what is at that path, or name another file " +
				"(on GitHub Actions, one under $RUNNER_TEMP)."}
	}
	if err := render.RefuseLinks(o.path); err != nil {
		if le, ok := errors.AsType[*render.LinkError](err); ok {
			return 0, refused(le.Path + " is a symbolic link")
		}
		return 0, err
	}
	info, err := os.Lstat(o.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return 0o644, nil
	case err != nil:
		return 0, err
	case info.IsDir():
		return 0, refused("it is a directory")
	case !info.Mode().IsRegular():
		return 0, refused("it is not a regular file")
	}
	return info.Mode().Perm(), nil
}

// lintOrigins says what each diagnostic of results is about: the
// configuration file of its spec (the -config file, else the spec's
// .teramotc.hcl), the evaluation of the rules (failed, or timed out: the
// diagnostic carries a rules.EvalFailure marker), or the spec itself. The
// source of a configuration file that did not load is added to files, for
// snippets.
func lintOrigins(results []*rules.SpecResult, configFile string, files map[string]*hcl.File) map[*hcl.Diagnostic]view.LintOrigin {
	out := map[*hcl.Diagnostic]view.LintOrigin{}
	for _, res := range results {
		cfg := configFile
		if cfg == "" {
			cfg = rules.FindConfig(res.Path)
		}
		specIsFile := isRegularFile(res.Path)
		for _, d := range res.Diagnostics {
			o := view.LintOrigin{Cause: view.CauseSpec, Path: res.Path, File: specIsFile}
			if ef, ok := rules.EvalFailureOf(d); ok {
				o.Cause = view.CauseEvaluation
				if ef.TimedOut {
					o.Cause = view.CauseTimeout
				}
			} else if cfg != "" && d.Subject != nil && d.Subject.Filename == cfg {
				o = view.LintOrigin{Cause: view.CauseConfig, Path: cfg, File: isRegularFile(cfg)}
				if files[cfg] == nil {
					maps.Copy(files, configFiles(cfg, nil))
				}
			}
			out[d] = o
		}
	}
	return out
}

// isRegularFile reports whether path names a regular file (following
// symbolic links), not a directory or something missing.
func isRegularFile(path string) bool {
	st, err := os.Stat(path)
	return path != "" && err == nil && st.Mode().IsRegular()
}

// configFiles returns the source of a configuration file for snippets: the
// parsed file when it loaded, else the file parsed again when it is a
// regular file within the spec size limit (never a device or FIFO such as
// -config /dev/zero, which would be read forever).
func configFiles(name string, cfg *rules.Config) map[string]*hcl.File {
	if cfg != nil && cfg.File != nil {
		return map[string]*hcl.File{name: cfg.File}
	}
	if st, err := os.Stat(name); err != nil || !st.Mode().IsRegular() || st.Size() > spec.MaxFileSize {
		return map[string]*hcl.File{}
	}
	if f, _ := spec.ParseHCLFile(name); f != nil {
		return map[string]*hcl.File{name: f}
	}
	return map[string]*hcl.File{}
}

// lintUsageDiag is the diagnostic of a bad flag or environment value.
func lintUsageDiag(summary, detail string) hcl.Diagnostics {
	return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary,
		Detail: detail + ` Run "teramotc lint -help" for usage.`}}
}

// onlyOne returns the one element of ss, or "" when there are none or
// several: an error of the policies without a range is not known to
// concern one of several -policy directories.
func onlyOne(ss []string) string {
	if len(ss) != 1 {
		return ""
	}
	return ss[0]
}

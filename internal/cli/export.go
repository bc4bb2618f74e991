package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/export"
)

// renderExport writes the spec for another deployment engine (render
// -format cloudformation|terraform|aws-cli). A single-file format prints to
// stdout unless -o names a directory; aws-cli always needs a directory, since
// its script reads the rendered documents next to it.
func renderExport(env *Env, format string, c *compiled, outDir string) int {
	files, err := export.Export(format, c.Loaded.Spec, c.Out)
	if err != nil {
		return report(env, &problem{fmt.Sprintf("cannot export the spec as %s: %v", format, err), "This is a bug in teramotc; please report it with the spec that causes it."})
	}
	paths := files.Paths()
	if outDir == "" || outDir == "-" {
		if len(paths) != 1 {
			return usageError(env, "render", "-format "+format+" writes several files; name a directory with -o DIR")
		}
		_, _ = env.Stdout.Write(files.Files[paths[0]])
		return view.ExitOK
	}
	hint := "-o names the directory to write the " + format + " files into (created if needed); give a directory, or leave -o out to print a single-file format to stdout."
	for _, p := range paths {
		dst := filepath.Join(outDir, filepath.FromSlash(p))
		if !filepath.IsLocal(filepath.FromSlash(p)) {
			return report(env, &problem{fmt.Sprintf("refusing to write %s outside %s", p, outDir), "This is a bug in teramotc; please report it with the spec that causes it."})
		}
		if p := makeDir(filepath.Dir(dst), hint); p != nil {
			return report(env, p)
		}
		mode := files.Mode(p)
		if err := os.WriteFile(dst, files.Files[p], mode); err == nil {
			err = os.Chmod(dst, mode)
		}
		if err != nil {
			return report(env, &problem{fmt.Sprintf("cannot write %s: %s", dst, reason(err, dst)), "Check that you may write to " + outDir + " and that nothing is in the way."})
		}
	}
	fmt.Fprintf(env.Stdout, "Wrote %d files (%s) to %s\n", len(paths), format, outDir)
	return view.ExitOK
}

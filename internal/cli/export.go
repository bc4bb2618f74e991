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
		fmt.Fprintf(env.Stderr, "Error: %v\n", err)
		return view.ExitError
	}
	paths := files.Paths()
	if outDir == "" || outDir == "-" {
		if len(paths) != 1 {
			return usageError(env, "render", "-format "+format+" writes several files; name a directory with -o DIR")
		}
		_, _ = env.Stdout.Write(files.Files[paths[0]])
		return view.ExitOK
	}
	for _, p := range paths {
		dst := filepath.Join(outDir, filepath.FromSlash(p))
		if !filepath.IsLocal(filepath.FromSlash(p)) {
			fmt.Fprintf(env.Stderr, "Error: refusing to write %s outside %s\n", p, outDir)
			return view.ExitError
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			fmt.Fprintf(env.Stderr, "Error: %v\n", err)
			return view.ExitError
		}
		mode := files.Mode(p)
		if err := os.WriteFile(dst, files.Files[p], mode); err == nil {
			err = os.Chmod(dst, mode)
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "Error: %v\n", err)
			return view.ExitError
		}
	}
	fmt.Fprintf(env.Stdout, "Wrote %d files (%s) to %s\n", len(paths), format, outDir)
	return view.ExitOK
}

package view

import (
	"fmt"
	"io"
	"strings"
)

// WriteInitExists reports the scaffold files init found in its way (it
// then writes nothing) and returns ExitError.
func WriteInitExists(w io.Writer, paths []string) int {
	return WriteError(w, "init refuses to overwrite existing files; nothing was written:\n  "+strings.Join(paths, "\n  "),
		"Remove them or choose another directory.")
}

// WriteInitCreated says init wrote path.
func WriteInitCreated(w io.Writer, path string) {
	fmt.Fprintf(w, "Created %s\n", path)
}

// WriteInitKept says init kept the existing file at path (.gitignore)
// and lists, indented, the patterns it should hold.
func WriteInitKept(w io.Writer, path string, patterns []string) {
	fmt.Fprintf(w, "Kept %s (it exists); make sure it ignores:\n", path)
	for _, p := range patterns {
		fmt.Fprintf(w, "  %s\n", p)
	}
}

// WriteInitNextSteps lists the commands to run on the project init wrote
// in dir, with its policy and render directories. inSubdir adds how to
// make dir the root of a repository, where GitHub reads the workflow.
func WriteInitNextSteps(w io.Writer, dir, policyDir, renderDir string, inSubdir bool) {
	fmt.Fprintf(w, `
Next steps:
  teramotc validate %[1]s
  teramotc policy test %[2]s
  teramotc lint -policy %[2]s %[1]s
  teramotc render %[1]s -o %[3]s
`, dir, policyDir, renderDir)
	if !inSubdir {
		return
	}
	fmt.Fprintf(w, `
The CI workflow's paths are relative to the project directory, and GitHub
reads it only at the root of a repository: make the project one with
  cd %s && git init
or move .github/workflows/teramotc.yml to your repository's root and put
the project directory in front of its paths.
`, dir)
}

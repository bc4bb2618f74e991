package cli

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
)

// lintRoots are the directories lint's GitHub formats make paths relative
// to (see view.LintReport): the working directory, the SARIF %SRCROOT%
// (the git work tree of the first spec, else GITHUB_WORKSPACE), and the
// base of github annotation paths (the same, on a GitHub runner only).
type lintRoots struct {
	workDir, sarif, github string
}

// findLintRoots finds the roots for a run on specs (the first one counts;
// none means the working directory). It reads no file: it only looks for a
// .git entry (a directory, or the file of a linked work tree or submodule)
// in the spec's directory and its parents. Without a root, paths stay
// relative to the working directory.
func findLintRoots(env *Env, specs []string) lintRoots {
	wd, err := os.Getwd()
	if err != nil {
		return lintRoots{}
	}
	roots := lintRoots{workDir: realPath(wd)}
	start := "."
	if len(specs) > 0 {
		start = specs[0]
	}
	if !filepath.IsAbs(start) {
		start = filepath.Join(roots.workDir, start)
	}
	if !isDir(start) {
		start = filepath.Dir(start)
	}
	roots.sarif = gitWorkTree(realPath(start))
	workspace := env.Getenv("GITHUB_WORKSPACE")
	if workspace != "" && filepath.IsAbs(workspace) {
		workspace = realPath(workspace)
		if roots.sarif == "" {
			roots.sarif = workspace
		}
		roots.github = roots.sarif
	}
	return roots
}

// gitWorkTree returns the nearest directory from dir up that holds .git,
// or "".
func gitWorkTree(dir string) string {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// realPath is p, absolute and cleaned, with symbolic links resolved when
// it exists, so that the working directory and a root compare.
func realPath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	}
	if a, err := filepath.Abs(p); err == nil {
		p = a
	}
	return filepath.Clean(p)
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// prescanFlags returns, in command-line order, the values args give to
// the flags of keys, under their key (an alias and its flag share one),
// without parsing them: lint uses it when the flags do not parse, to
// write that error in the formats asked for. A flag of fs that takes a
// value and has no =VALUE takes the next argument; an unknown flag is
// taken to have none; "--" ends the flags.
func prescanFlags(fs *flag.FlagSet, args []string, keys map[string]string) map[string][]string {
	out := map[string][]string{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if len(a) < 2 || a[0] != '-' {
			continue // positional
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(a[1:], "-"), "=")
		f := fs.Lookup(name)
		if f == nil {
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if !hasValue {
			if i+1 == len(args) {
				break
			}
			i++
			value = args[i]
		}
		if key, ok := keys[name]; ok {
			out[key] = append(out[key], value)
		}
	}
	return out
}

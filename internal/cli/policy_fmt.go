package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/teramot/teramotc/internal/view"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/rules"
)

// policyFmtOptions are the flags of policy fmt, named as opa fmt's.
type policyFmtOptions struct {
	write, list, diff, fail bool
}

// runPolicyFmt runs "policy fmt [flags] [PATH...]".
func runPolicyFmt(env *Env, args []string) int {
	fs := newFlagSet(env, "policy")
	var o policyFmtOptions
	fs.BoolVar(&o.write, "w", false, "rewrite the files that change")
	fs.BoolVar(&o.list, "l", false, "list the files whose formatting differs")
	fs.BoolVar(&o.diff, "d", false, "print a unified diff of each change")
	fs.BoolVar(&o.fail, "fail", false, "exit 3 when any file is not formatted")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return exitCodeForParse(err)
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var failed, changed bool
	for _, p := range paths {
		var mods []*rules.Module
		if p == "-" {
			src, err := io.ReadAll(io.LimitReader(env.Stdin, rules.MaxPolicySize+1))
			if err != nil {
				report(env, &problem{"cannot read stdin: " + err.Error(), "Pipe the Rego to format into policy fmt -, or give it a file."})
				failed = true
				continue
			}
			mods = []*rules.Module{{File: "<stdin>", Source: src}}
		} else if mods, err = policyFmtSources(env, p); err != nil {
			if _, ok := errors.AsType[*rules.PolicyError](err); ok {
				diags, files := rules.Diagnostics(err)
				failDiags(env, diags, files)
			} else {
				report(env, &problem{fmt.Sprintf("cannot read %s: %s", p, reason(err, p)), "Check that you may read the directory, or give policy fmt the .rego files."})
			}
			failed = true
			continue
		}
		for _, m := range mods {
			c, ok := policyFmtFile(env, m, p == "-", o)
			failed, changed = failed || !ok, changed || c
		}
	}
	return view.PolicyFmtExit(failed, changed, o.fail)
}

// policyFmtFile formats one file: prints it, lists it, diffs it or
// rewrites it, as o says.
func policyFmtFile(env *Env, m *rules.Module, stdin bool, o policyFmtOptions) (changed, ok bool) {
	out, err := rules.FormatPolicy(m.File, m.Source)
	if err != nil {
		diags, files := rules.Diagnostics(err)
		failDiags(env, diags, files)
		return false, false
	}
	changed = !bytes.Equal(m.Source, out)
	if !o.write && !o.list && !o.diff || stdin && o.write {
		view.WriteFmtSource(env.Stdout, out) // as opa fmt: the result to stdout
	}
	if !changed {
		return false, true
	}
	if o.write && !stdin {
		if le, isLink := errors.AsType[*render.LinkError](render.RefuseLinks(m.File)); isLink {
			report(env, &problem{fmt.Sprintf("refusing to rewrite %s: %s is a symbolic link", m.File, le.Path),
				"policy fmt never writes through a symbolic link, which a repository could commit to make it rewrite a file elsewhere. " +
					"Format the file the link points to, or run policy fmt -l to only list it."})
			return true, false
		}
	}
	if o.list {
		view.WriteFmtChanged(env.Stdout, m.File)
	}
	if o.diff {
		view.WriteFmtDiff(env.Stdout, m.File, m.Source, out)
	}
	if o.write && !stdin {
		if err := writeSameMode(m.File, out); err != nil {
			report(env, &problem{fmt.Sprintf("cannot rewrite %s: %s", m.File, reason(err, m.File)), "Check that you may write to the file, or run policy fmt -l to only list it."})
			return true, false
		}
	}
	return true, true
}

// policyFmtSources reads the .rego files policy fmt formats for the PATH
// p: p itself when it is not a directory (rules.DirSources refuses what
// is not a .rego file), else the .rego files under it as fmt -recursive
// walks: hidden directories (.git, the init workflow's .teramotc-base
// checkout) are skipped, and so is a symbolic link, with a warning, as fmt
// skips links: it is never read (a link out of p could name any file),
// and its target is formatted when it is walked or given itself, so that
// -w never rewrites a file and then refuses the link to it.
func policyFmtSources(env *Env, p string) ([]*rules.Module, error) {
	if st, err := os.Stat(p); err != nil || !st.IsDir() {
		return rules.DirSources(p, true)
	}
	var mods []*rules.Module
	err := fs.WalkDir(os.DirFS(p), ".", func(rel string, d fs.DirEntry, err error) error {
		name := filepath.Join(p, filepath.FromSlash(rel))
		if err != nil {
			return err
		}
		if d.IsDir() {
			if rel != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".rego") {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			view.WritePolicyFmtSkippedLink(env.Stderr, name)
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		m, err := rules.DirSources(name, true)
		mods = append(mods, m...)
		return err
	})
	return mods, err
}

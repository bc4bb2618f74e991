package rules

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
)

// builtinFS holds the built-in policies, their Rego unit tests and helper
// libraries.
//
//go:embed all:policies
var builtinFS embed.FS

// Module is one Rego source file of a policy set.
type Module struct {
	File   string // "policies/s3/public_access_block.rego" or the user's path
	Source []byte
	Parsed *ast.Module
	Test   bool // a *_test.rego file
}

// BuiltinModules returns the embedded policy files, sorted by file name;
// the *_test.rego files only when tests is set.
func BuiltinModules(tests bool) ([]*Module, error) {
	return readModules(builtinFS, "policies", "policies", tests)
}

// DirModules returns the *.rego files under dir (recursively), as a user's
// --policy DIR; the *_test.rego files only when tests is set.
func DirModules(dir string, tests bool) ([]*Module, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("policy directory: %w", err)
	}
	if !st.IsDir() {
		src, err := os.ReadFile(dir)
		if err != nil {
			return nil, err
		}
		return parseModules([]*Module{{File: dir, Source: src, Test: isTest(dir)}})
	}
	return readModules(os.DirFS(dir), ".", dir, tests)
}

func readModules(fsys fs.FS, root, display string, tests bool) ([]*Module, error) {
	var mods []*Module
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".rego") || isTest(p) && !tests {
			return nil
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		name := p
		if root == "." {
			name = filepath.Join(display, filepath.FromSlash(p))
		}
		mods = append(mods, &Module{File: name, Source: src, Test: isTest(p)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].File < mods[j].File })
	return parseModules(mods)
}

func isTest(p string) bool { return strings.HasSuffix(path.Base(filepath.ToSlash(p)), "_test.rego") }

// parseModules parses Rego v1 sources with their annotations, spread over
// the available cores: parsing is a third of a lint process's start-up. On
// failure it returns the error of the first failing module in mods' order.
func parseModules(mods []*Module) ([]*Module, error) {
	opts := ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1}
	errs := make([]error, len(mods))
	var next atomic.Int32
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(mods)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < len(mods); i = int(next.Add(1)) - 1 {
				m := mods[i]
				m.Parsed, errs[i] = ast.ParseModuleWithOpts(m.File, string(m.Source), opts)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return mods, nil
}

// rulesOf reads the metadata of every rule package in mods (tests
// excluded). custom marks the rules of user policies. It fails on a missing
// or invalid METADATA, a duplicate id, or a rule package without deny.
func rulesOf(mods []*Module, custom bool, known map[string]*Rule) ([]*Rule, error) {
	var out []*Rule
	byPkg := map[string]*Rule{}
	hasDeny := map[string]bool{}
	for _, m := range mods {
		if m.Test {
			continue
		}
		pkg := m.Parsed.Package.Path.String()
		for _, r := range m.Parsed.Rules {
			if r.Head.Name.String() == "deny" || r.Head.Ref().String() == "deny" {
				hasDeny[pkg] = true
			}
		}
		r, err := ruleFromModule(m.File, m.Parsed)
		if err != nil {
			return nil, err
		}
		if r == nil {
			continue
		}
		if prev, ok := byPkg[pkg]; ok {
			if prev.ID != r.ID {
				return nil, fmt.Errorf("%s: package %s declares id %s, another file of the package declares %s", m.File, pkg, r.ID, prev.ID)
			}
			continue // a rule split over several files
		}
		if prev, ok := known[r.ID]; ok {
			return nil, fmt.Errorf("%s: rule id %s of package %s is already used by %s", m.File, r.ID, pkg, prev.Package)
		}
		r.Custom = custom
		byPkg[pkg] = r
		known[r.ID] = r
		out = append(out, r)
	}
	for _, r := range out {
		if !hasDeny[r.Package] {
			return nil, fmt.Errorf("rule %s (package %s) has no deny rule: write `deny contains finding if { ... }`", r.ID, r.Package)
		}
	}
	return out, nil
}

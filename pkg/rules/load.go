package rules

import (
	"embed"
	"errors"
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

	"github.com/teramot/teramotc/pkg/spec"
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
	return readModules(builtinFS, "policies", "policies", tests, nil)
}

// DirModules returns the *.rego files under dir (recursively), as a user's
// --policy DIR; the *_test.rego files only when tests is set. dir may also
// be a single .rego file. Its errors are *PolicyError.
func DirModules(dir string, tests bool) ([]*Module, error) {
	mods, err := DirSources(dir, tests)
	if err != nil {
		return nil, err
	}
	return parseModules(mods)
}

// DirSources is DirModules without parsing: the modules have no Parsed.
func DirSources(dir string, tests bool) ([]*Module, error) {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, policyError(err, "No policy directory",
			"There is no policy directory %s. Give a directory of .rego files (or one .rego file), such as the policy/ directory that teramotc init writes.", dir)
	case err != nil:
		return nil, readError(dir, err)
	case !st.IsDir() && !strings.HasSuffix(dir, ".rego"):
		return nil, policyError(nil, "Not a policy directory",
			"%s is a file, not a directory of .rego files. Give the directory that holds your policies, or one .rego file.", dir)
	}
	base, name := dir, "."
	if !st.IsDir() { // one file: confined to its own directory
		base, name = filepath.Dir(dir), filepath.Base(dir)
	}
	root, err := os.OpenRoot(base)
	if err != nil {
		return nil, readError(base, err)
	}
	defer root.Close()
	if !st.IsDir() {
		src, err := readConfined(root, name, dir)
		if err != nil {
			return nil, err
		}
		return []*Module{{File: dir, Source: src, Test: isTest(dir)}}, nil
	}
	return readSources(root.FS(), ".", dir, tests, root)
}

// readConfined reads the file name (slash-separated, relative to root's
// directory; shown as display) through root, so that a symbolic link cannot
// lead out of the policy directory (spec.Confine gives the clear
// diagnostic, os.Root makes it hold when the link changes meanwhile): a policy from a pull request could
// otherwise name /proc/self/environ or ~/.aws/credentials and have a syntax
// error print its content. A link that stays inside dir is followed.
func readConfined(root *os.Root, name, display string) ([]byte, error) {
	dir := root.Name()
	outside := func() bool {
		return spec.Confine(filepath.Join(dir, filepath.FromSlash(name)), dir, nil) != nil
	}
	if outside() {
		return nil, outsideError(display, dir)
	}
	src, err := root.ReadFile(name)
	if err != nil {
		// os.Root refused a link that changed since, or a dangling one
		// that points out (Confine cannot resolve it); its error for those
		// is not exported, only its text.
		if outside() || strings.Contains(err.Error(), "path escapes from parent") {
			return nil, outsideError(display, dir)
		}
		return nil, readError(display, err)
	}
	return src, nil
}

// outsideError is the *PolicyError of a policy file that resolves outside
// its policy directory. It has no source range: nothing of the file is read.
func outsideError(name, dir string) *PolicyError {
	return policyError(nil, "Policy file outside the policy directory",
		"%s is a symbolic link to a file outside the policy directory %s; teramotc reads no policy file outside it, "+
			"so that a policy cannot make lint print another file. Copy the policy into the directory instead of linking it.", name, dir)
}

// readError is the *PolicyError of a policy file or directory that exists
// but cannot be read.
func readError(name string, err error) *PolicyError {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return policyError(err, "Cannot read policies", "Reading %s failed: %v. Check that it is readable by you.", name, err)
}

// readModules reads and parses the .rego files under root in fsys; through
// confined (readConfined) when it is set.
func readModules(fsys fs.FS, root, display string, tests bool, confined *os.Root) ([]*Module, error) {
	mods, err := readSources(fsys, root, display, tests, confined)
	if err != nil {
		return nil, err
	}
	return parseModules(mods)
}

// readSources is readModules without parsing, sorted by file name.
func readSources(fsys fs.FS, root, display string, tests bool, confined *os.Root) ([]*Module, error) {
	var mods []*Module
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return readError(filepath.Join(display, filepath.FromSlash(p)), err)
		}
		if d.IsDir() || !strings.HasSuffix(p, ".rego") || isTest(p) && !tests {
			return nil
		}
		name := p
		if root == "." {
			name = filepath.Join(display, filepath.FromSlash(p))
		}
		var src []byte
		if confined != nil {
			src, err = readConfined(confined, p, name)
		} else {
			src, err = fs.ReadFile(fsys, p) // the embedded built-ins
		}
		if err != nil {
			return err
		}
		mods = append(mods, &Module{File: name, Source: src, Test: isTest(p)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].File < mods[j].File })
	return mods, nil
}

func isTest(p string) bool { return strings.HasSuffix(path.Base(filepath.ToSlash(p)), "_test.rego") }

// parseModules parses Rego v1 sources with their annotations, spread over
// the available cores: parsing is a third of a lint process's start-up. On
// failure it returns a *PolicyError with the syntax errors of every module,
// in mods' order.
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
	var all ast.Errors
	for i, err := range errs {
		if err == nil {
			continue
		}
		var es ast.Errors
		if !errors.As(err, &es) {
			return nil, moduleError(mods[i], nil, "Invalid Rego syntax", "%s: %s", mods[i].File, sentence(err.Error()))
		}
		all = append(all, es...)
	}
	if len(all) > 0 {
		return nil, regoError(all, mods, false)
	}
	return mods, nil
}

// rulesOf reads the metadata of every rule package in mods (tests
// excluded). custom marks the rules of user policies. It fails, with a
// *PolicyError, on a missing or invalid METADATA, a duplicate id, or a rule
// package without deny.
func rulesOf(mods []*Module, custom bool, known map[string]*Rule) ([]*Rule, error) {
	var out []*Rule
	byPkg := map[string]*Rule{}
	first := map[string]*Module{} // the first module of each rule package
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
			return nil, moduleError(m, metadataLocation(m), "Invalid rule metadata", "%s",
				sentence(strings.TrimPrefix(err.Error(), m.File+": ")))
		}
		if r == nil {
			continue
		}
		if prev, ok := byPkg[pkg]; ok {
			if prev.ID != r.ID {
				return nil, moduleError(m, metadataLocation(m), "Conflicting rule ids",
					"Package %s declares id %s here and %s in %s. Give every file of a rule package the same custom.id.", pkg, r.ID, prev.ID, first[pkg].File)
			}
			continue // a rule split over several files
		}
		if prev, ok := known[r.ID]; ok {
			return nil, moduleError(m, metadataLocation(m), "Duplicate rule id",
				"The rule id %s of package %s is already used by %s. Give the rule an id of its own, such as one with your organisation's prefix (ACME001).", r.ID, pkg, ruleOwner(prev))
		}
		r.Custom = custom
		byPkg[pkg] = r
		first[pkg] = m
		known[r.ID] = r
		out = append(out, r)
	}
	for _, r := range out {
		if !hasDeny[r.Package] {
			m := first[r.Package]
			return nil, moduleError(m, m.Parsed.Package.Location, "Rule without deny",
				"Rule %s (package %s) has no deny rule. Write its findings as `deny contains finding if { ... }`.", r.ID, r.Package)
		}
	}
	return out, nil
}

// metadataLocation is the location of a module's package-scoped METADATA,
// or of its package clause when it has none.
func metadataLocation(m *Module) *ast.Location {
	for _, a := range m.Parsed.Annotations {
		if a.Scope == "package" && a.Location != nil {
			return a.Location
		}
	}
	return m.Parsed.Package.Location
}

// ruleOwner names the package of a rule, or says it is a built-in meta rule.
func ruleOwner(r *Rule) string {
	if r.Package == "" {
		return "a built-in rule"
	}
	return "package " + r.Package
}

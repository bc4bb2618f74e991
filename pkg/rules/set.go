package rules

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// Set is a compiled policy set: the built-in rules, optionally with a user's
// custom policies. It is safe for concurrent use; Evaluate may be called from
// many goroutines at once.
type Set struct {
	rules []*Rule          // Rego rules, sorted by ID
	byID  map[string]*Rule // Rego rules and the meta rules
	// prepared is closed once query (or queryErr) is set: the built-in set
	// prepares its query in the background, while the caller reads flags,
	// configuration and specs.
	prepared chan struct{}
	queries  [1 + parts]rego.PreparedEvalQuery // see lintQueries
	queryErr error
	parts    [parts][]*Rule // the rules of each part, by partOf
	compiler *ast.Compiler  // what queries were prepared on, for subsets
	subsets  sync.Map       // selection key -> *subsetQueries (selection.go)
}

// Options select the custom policies of a Set.
type Options struct {
	// PolicyDirs are the user's --policy directories (or single files).
	PolicyDirs []string
	// AllowNetworkBuiltins lets custom policies call http.send,
	// net.lookup_ip_addr, opa.runtime and the other non-deterministic
	// built-ins (--allow-network-builtins). Off by default: lint never
	// touches the network.
	AllowNetworkBuiltins bool
}

var (
	builtinOnce sync.Once
	builtinSet  *Set
	builtinErr  error
	// builtinCompiles counts compilations of the built-in set, for tests.
	builtinCompiles atomic.Int32
	// builtinFromSnapshot says the built-in set came from builtin.snapshot.
	builtinFromSnapshot bool
)

// Builtin returns the built-in policy set, compiled once per process: from
// the snapshot compiled at build time (snapshot.go) when it matches the
// embedded sources, and from the sources otherwise.
func Builtin() (*Set, error) {
	builtinOnce.Do(func() {
		builtinCompiles.Add(1)
		if set, err := snapshotSet(); err == nil {
			builtinFromSnapshot = true
			builtinSet = set
			return
		}
		mods, err := BuiltinModules(false)
		if err != nil {
			builtinErr = err
			return
		}
		builtinSet, builtinErr = compile(context.Background(), mods, nil, Options{})
	})
	return builtinSet, builtinErr
}

// snapshotSet returns the built-in set of builtin.snapshot, or
// errStaleSnapshot. The compiler is built in the background from the start
// (it is the longest part), while this goroutine checks that the snapshot
// matches the embedded sources and decodes the metadata; a stale snapshot's
// compiler is never used.
func snapshotSet() (*Set, error) {
	p, err := splitSnapshot(builtinSnapshot)
	if err != nil {
		return nil, err
	}
	type built struct {
		c   *ast.Compiler
		err error
	}
	done := make(chan built, 1)
	go func() {
		c, err := buildCompiler(p.tree)
		done <- built{c, err}
	}()
	if err := p.checkDigest(); err != nil {
		return nil, err
	}
	rs, err := decodeRuleMeta(p)
	if err != nil {
		return nil, err
	}
	return newSetAsync(rs, func() (*ast.Compiler, error) {
		b := <-done
		return b.c, b.err
	}), nil
}

// Load returns the built-in set when opts names no custom policies, and
// otherwise compiles the built-in and custom policies together; a custom
// module in a package reserved for the built-ins is refused (checkReserved).
func Load(ctx context.Context, opts Options) (*Set, error) {
	if len(opts.PolicyDirs) == 0 {
		return Builtin()
	}
	builtin, err := BuiltinModules(false)
	if err != nil {
		return nil, err
	}
	var custom []*Module
	for _, dir := range opts.PolicyDirs {
		mods, err := DirModules(dir, false)
		if err != nil {
			return nil, err
		}
		custom = append(custom, mods...)
	}
	if err := checkReserved(builtin, custom); err != nil {
		return nil, err
	}
	return compile(ctx, builtin, custom, opts)
}

func compile(ctx context.Context, builtin, custom []*Module, opts Options) (*Set, error) {
	known := metaRulesByID()
	rs, err := rulesOf(builtin, false, known)
	if err != nil {
		return nil, err
	}
	crs, err := rulesOf(custom, true, known)
	if err != nil {
		return nil, err
	}
	for _, r := range crs {
		r.Link = customLink(r) // docs/rules.md documents only the built-in rules
	}
	rs = append(rs, crs...)
	c, err := compileModules(append(slices.Clone(builtin), custom...), rs, opts)
	if err != nil {
		return nil, err
	}
	return newSet(ctx, c, rs)
}

func metaRulesByID() map[string]*Rule {
	known := map[string]*Rule{}
	for _, r := range MetaRules() {
		known[r.ID] = r
	}
	return known
}

// compileModules compiles the non-test modules and the query module of rs
// (query.go) with every compiler stage. It sorts rs.
func compileModules(mods []*Module, rs []*Rule, opts Options) (*ast.Compiler, error) {
	sortRules(rs)
	query, err := queryModule(rs)
	if err != nil {
		return nil, err
	}
	modules := map[string]*ast.Module{queryFile: query}
	for _, m := range mods {
		if m.Test {
			continue
		}
		if _, dup := modules[m.File]; dup {
			return nil, policyError(nil, "Policy file given twice", "%s is loaded twice. Give each policy directory or file once.", m.File)
		}
		modules[m.File] = m.Parsed
	}
	compiler := ast.NewCompiler().
		WithCapabilities(Capabilities(opts.AllowNetworkBuiltins)).
		WithDefaultRegoVersion(ast.RegoV1)
	if compiler.Compile(modules); compiler.Failed() {
		return nil, regoError(compiler.Errors, mods, opts.AllowNetworkBuiltins)
	}
	return compiler, nil
}

// newSet prepares the queries that evaluate every rule's deny set in a
// single pass (query.go) on a compiler holding the query module of rs.
func newSet(ctx context.Context, compiler *ast.Compiler, rs []*Rule) (*Set, error) {
	known := metaRulesByID()
	for _, r := range rs {
		known[r.ID] = r
	}
	sortRules(rs)
	s := newSetOf(rs, known)
	var err error
	s.compiler = compiler
	if s.queries, err = prepareQueries(ctx, compiler); err != nil {
		return nil, err
	}
	close(s.prepared)
	return s, nil
}

func prepareQueries(ctx context.Context, compiler *ast.Compiler) (qs [1 + parts]rego.PreparedEvalQuery, err error) {
	return prepareBodies(ctx, compiler, lintQueries())
}

func prepareBodies(ctx context.Context, compiler *ast.Compiler, bodies [1 + parts]ast.Body) (qs [1 + parts]rego.PreparedEvalQuery, err error) {
	for i, q := range bodies {
		qs[i], err = rego.New(
			rego.ParsedQuery(q),
			rego.Compiler(compiler),
			rego.StrictBuiltinErrors(false),
		).PrepareForEval(ctx)
		if err != nil {
			return qs, fmt.Errorf("preparing the policy query: %w", err)
		}
	}
	return qs, nil
}

// newSetOf returns a set of rules rs, not prepared yet.
func newSetOf(rs []*Rule, known map[string]*Rule) *Set {
	s := &Set{rules: rs, byID: known, prepared: make(chan struct{})}
	for _, r := range rs {
		p := partOf(r)
		s.parts[p] = append(s.parts[p], r)
	}
	return s
}

// newSetAsync returns a set of rules rs at once and builds its compiler
// and queries in the background; evaluation waits for them.
func newSetAsync(rs []*Rule, build func() (*ast.Compiler, error)) *Set {
	known := metaRulesByID()
	for _, r := range rs {
		known[r.ID] = r
	}
	sortRules(rs)
	s := newSetOf(rs, known)
	go func() {
		defer close(s.prepared)
		c, err := build()
		if err == nil {
			s.compiler = c
			s.queries, err = prepareQueries(context.Background(), c)
		}
		s.queryErr = err
	}()
	return s
}

// Capabilities returns the OPA capabilities policies are compiled with: every
// built-in function except the non-deterministic ones (http.send,
// net.lookup_ip_addr, opa.runtime, time.now_ns, rand.intn, ...), unless
// allowNetwork is set.
func Capabilities(allowNetwork bool) *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	if allowNetwork {
		return caps
	}
	caps.Builtins = slices.DeleteFunc(slices.Clone(caps.Builtins), func(b *ast.Builtin) bool {
		return b.Nondeterministic || b.Name == "opa.runtime" ||
			strings.HasPrefix(b.Name, "http.") || strings.HasPrefix(b.Name, "net.lookup")
	})
	return caps
}

// Rules returns the rules of the set (Rego rules and the meta rules
// TMC901-TMC903), sorted by ID.
func (s *Set) Rules() []*Rule {
	out := slices.Clone(s.rules)
	out = append(out, MetaRules()...)
	slices.SortFunc(out, func(a, b *Rule) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Rule returns the rule with the given id, exactly as written (upper
// case), or nil. LookupRule also accepts lower case ids and rule names.
func (s *Set) Rule(id string) *Rule { return s.byID[id] }

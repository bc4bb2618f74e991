package rules

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	_ "embed"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/version"

	"github.com/teramot/teramotc/pkg/rules/internal/astcodec"
)

// The built-in policies are compiled when teramotc is built, not each time
// it runs: `go generate ./pkg/rules` compiles them with every stage of OPA's
// compiler (parsing, rewriting, safety and type checks) and stores the
// compiled syntax trees and the rules' metadata in builtin.snapshot. A lint
// process decodes that file and runs only the compiler stages that build
// its lookup structures (rule trees and indexes): about 5 ms of start-up
// instead of 60 (BenchmarkSnapshotLoad, BenchmarkCompile).
//
// The snapshot names the SHA-256 of the policy sources it was compiled
// from and of the OPA version that compiled them, and holds the generated
// query module (query.go). When any of them differs (a policy was edited,
// OPA upgraded or the query changed without regenerating), the policies are
// compiled from source as before, so results never depend on a stale file;
// TestSnapshotCurrent fails in that case.
//
//go:generate go test -run TestSnapshotCurrent -update .

//go:embed builtin.snapshot
var builtinSnapshot []byte

const snapshotMagic = "TMCSNAP3"

// liteStages are the compiler stages run on compiled modules: the ones that
// build what evaluation looks up (the module and rule trees and the rule
// indexes). Every other stage rewrites or checks modules, which the
// snapshot's modules already went through; the dependency graph and the
// local variable generator serve only those stages. Comprehension indexes
// are left out too: they only speed up some comprehensions, and the
// built-in rules evaluate no slower without them (measured with
// BenchmarkStageEvaluate), while building them is a sixth of the start-up.
var liteStages = []ast.StageID{
	ast.StageSetModuleTree,
	ast.StageSetRuleTree,
	ast.StageBuildRuleIndices,
}

// sourceDigest hashes the OPA version and the built-in policy sources
// (tests excluded) in file order: the key that ties a snapshot to what it
// was built from.
func sourceDigest() ([32]byte, error) {
	h := sha256.New()
	fmt.Fprintf(h, "opa %s\x00", version.Version)
	buf := make([]byte, 32<<10)
	err := fs.WalkDir(builtinFS, "policies", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || isTest(p) {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		f, err := builtinFS.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\x00%d\x00", p, info.Size())
		_, err = io.CopyBuffer(h, f, buf)
		return err
	})
	var sum [32]byte
	h.Sum(sum[:0])
	return sum, err
}

// encodeSnapshot compiles the built-in policies from source with every
// compiler stage and returns the snapshot file.
func encodeSnapshot() ([]byte, error) {
	mods, err := BuiltinModules(false)
	if err != nil {
		return nil, err
	}
	rs, err := rulesOf(mods, false, metaRulesByID())
	if err != nil {
		return nil, err
	}
	c, err := compileModules(mods, rs, Options{})
	if err != nil {
		return nil, err
	}
	tree, err := astcodec.Encode(astcodec.Snapshot{Modules: c.Modules, RewrittenVars: c.RewrittenVars})
	if err != nil {
		return nil, err
	}
	meta := encodeRuleMeta(rs)
	digest, err := sourceDigest()
	if err != nil {
		return nil, err
	}
	query := querySource(rs)
	var b bytes.Buffer
	b.WriteString(snapshotMagic)
	b.Write(digest[:])
	b.Write(binary.AppendUvarint(nil, uint64(len(meta))))
	b.Write(meta)
	b.Write(binary.AppendUvarint(nil, uint64(len(query))))
	b.WriteString(query)
	b.Write(tree)
	return b.Bytes(), nil
}

// errStaleSnapshot says the embedded snapshot was built from other sources.
var errStaleSnapshot = errors.New("builtin.snapshot was compiled from other policy sources; run `go generate ./pkg/rules`")

// snapshotParts are the sections of a snapshot file after its magic.
type snapshotParts struct {
	digest []byte // sourceDigest of what it was compiled from
	meta   []byte // the rules' metadata (snapshot_meta.go)
	query  string // the generated query module it was compiled with
	tree   []byte // the compiled modules (astcodec)
}

// splitSnapshot splits data into its sections; a file of another format
// is errStaleSnapshot.
func splitSnapshot(data []byte) (snapshotParts, error) {
	var p snapshotParts
	if !bytes.HasPrefix(data, []byte(snapshotMagic)) || len(data) < len(snapshotMagic)+sha256.Size {
		return p, errStaleSnapshot
	}
	data = data[len(snapshotMagic):]
	p.digest, data = data[:sha256.Size], data[sha256.Size:]
	section := func() ([]byte, bool) {
		n, k := binary.Uvarint(data)
		if k <= 0 || n > uint64(len(data)-k) {
			return nil, false
		}
		b := data[k : k+int(n)]
		data = data[k+int(n):]
		return b, true
	}
	meta, ok1 := section()
	query, ok2 := section()
	if !ok1 || !ok2 {
		return p, errors.New("builtin.snapshot: truncated header")
	}
	p.meta, p.query, p.tree = meta, string(query), data
	return p, nil
}

// checkDigest says whether p was compiled from the embedded sources
// (errStaleSnapshot otherwise).
func (p snapshotParts) checkDigest() error {
	digest, err := sourceDigest()
	if err != nil {
		return err
	}
	if !bytes.Equal(digest[:], p.digest) {
		return errStaleSnapshot
	}
	return nil
}

// openSnapshot splits data and checks its digest.
func openSnapshot(data []byte) (snapshotParts, error) {
	p, err := splitSnapshot(data)
	if err != nil {
		return p, err
	}
	return p, p.checkDigest()
}

// decodeRuleMeta reads the rules' metadata and checks that the snapshot was
// compiled with the query module these rules give today.
func decodeRuleMeta(p snapshotParts) ([]*Rule, error) {
	rs, err := parseRuleMeta(p.meta)
	if err != nil {
		return nil, err
	}
	sortRules(rs)
	if querySource(rs) != p.query {
		return nil, errStaleSnapshot
	}
	return rs, nil
}

// decodeSnapshot reads the whole snapshot, in the caller's goroutine.
func decodeSnapshot(data []byte) (*ast.Compiler, []*Rule, error) {
	p, err := openSnapshot(data)
	if err != nil {
		return nil, nil, err
	}
	rs, err := decodeRuleMeta(p)
	if err != nil {
		return nil, nil, err
	}
	c, err := buildCompiler(p.tree)
	return c, rs, err
}

func buildCompiler(tree []byte) (*ast.Compiler, error) {
	snap, err := astcodec.Decode(tree)
	if err != nil {
		return nil, fmt.Errorf("builtin.snapshot: %w", err)
	}
	// Compile copies the modules it is given, and the decoded modules are
	// this compiler's alone: it is given empty modules of the same names,
	// and a stage run before the first kept one puts the decoded modules in
	// their place. RemoveImports, which it runs after, does nothing to
	// modules without imports.
	placeholders := make(map[string]*ast.Module, len(snap.Modules))
	for name, m := range snap.Modules {
		placeholders[name] = &ast.Module{Package: m.Package}
	}
	swap := ast.CompilerStageDefinition{Name: "TeramotcSnapshotModules", MetricName: "teramotc_snapshot_modules",
		Stage: func(c *ast.Compiler) *ast.Error {
			for name, m := range snap.Modules {
				c.Modules[name] = m
			}
			return nil
		}}
	run := append([]ast.StageID{ast.StageRemoveImports}, liteStages...)
	skip := slices.DeleteFunc(ast.AllStages(), func(s ast.StageID) bool { return slices.Contains(run, s) })
	c := ast.NewCompiler().
		WithCapabilities(Capabilities(false)).
		WithDefaultRegoVersion(ast.RegoV1).
		WithSkipStages(skip...).
		WithStageAfterID(ast.StageRemoveImports, swap)
	if c.Compile(placeholders); c.Failed() {
		return nil, fmt.Errorf("builtin.snapshot: %w", c.Errors)
	}
	for k, v := range snap.RewrittenVars {
		c.RewrittenVars[k] = v
	}
	return c, nil
}

package rules

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/open-policy-agent/opa/v1/ast"
)

const snapshotFile = "builtin.snapshot"

// builtin.snapshot is generated from the policies; this fails when it is
// stale. Regenerate it with `go generate ./pkg/rules`.
func TestSnapshotCurrent(t *testing.T) {
	want, err := encodeSnapshot()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(snapshotFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(builtinSnapshot, want) {
		t.Fatalf("%s is stale (%d bytes embedded, %d expected); run `go generate ./pkg/rules`", snapshotFile, len(builtinSnapshot), len(want))
	}
	again, err := encodeSnapshot()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, want) {
		t.Fatal("encoding the snapshot twice gave different bytes: the snapshot is not deterministic")
	}
}

// The process-wide built-in set must come from the snapshot: a fallback to
// compiling the sources would be correct but would cost the start-up time
// the snapshot exists to save.
func TestBuiltinUsesSnapshot(t *testing.T) {
	if _, err := Builtin(); err != nil {
		t.Fatal(err)
	}
	if !builtinFromSnapshot {
		_, _, err := decodeSnapshot(builtinSnapshot)
		t.Fatalf("the built-in set was compiled from source: %v", err)
	}
}

// A snapshot of other sources is refused, so the sources are compiled.
func TestSnapshotStaleRefused(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":        nil,
		"other magic":  append([]byte("TMCSNAP0"), builtinSnapshot[len(snapshotMagic):]...),
		"other digest": flip(builtinSnapshot, len(snapshotMagic)),
	} {
		t.Run(name, func(t *testing.T) {
			if _, _, err := decodeSnapshot(data); err != errStaleSnapshot {
				t.Fatalf("decodeSnapshot: %v, want errStaleSnapshot", err)
			}
		})
	}
	// Rules whose query module is not the one the snapshot was compiled
	// with (the partition of query.go changed, say).
	p, err := openSnapshot(builtinSnapshot)
	if err != nil {
		t.Fatal(err)
	}
	p.query = strings.Replace(p.query, "part1", "part2", 1)
	if _, err := decodeRuleMeta(p); err != errStaleSnapshot {
		t.Fatalf("decodeRuleMeta with another query module: %v, want errStaleSnapshot", err)
	}
}

func flip(b []byte, i int) []byte {
	b = bytes.Clone(b)
	b[i] ^= 0xff
	return b
}

// The snapshot's set and the set compiled from source hold the same rules
// and the same compiled modules, rule by rule.
func TestSnapshotMatchesSource(t *testing.T) {
	c, rs, err := decodeSnapshot(builtinSnapshot)
	if err != nil {
		t.Fatal(err)
	}
	mods, err := BuiltinModules(false)
	if err != nil {
		t.Fatal(err)
	}
	srcRules, err := rulesOf(mods, false, metaRulesByID())
	if err != nil {
		t.Fatal(err)
	}
	src, err := compileModules(mods, slices.Clone(srcRules), Options{})
	if err != nil {
		t.Fatal(err)
	}
	sortRules(srcRules)
	if diff := cmp.Diff(srcRules, rs); diff != "" {
		t.Errorf("rule metadata (-source +snapshot):\n%s", diff)
	}
	if len(c.Modules) != len(src.Modules) {
		t.Fatalf("%d modules in the snapshot, %d from source", len(c.Modules), len(src.Modules))
	}
	for file, want := range src.Modules {
		got := c.Modules[file]
		if got == nil {
			t.Errorf("%s: missing from the snapshot", file)
			continue
		}
		if diff := cmp.Diff(ruleStrings(want), ruleStrings(got)); diff != "" {
			t.Errorf("%s (-source +snapshot):\n%s", file, diff)
		}
	}
	if diff := cmp.Diff(src.RewrittenVars, c.RewrittenVars); diff != "" {
		t.Errorf("rewritten variables (-source +snapshot):\n%s", diff)
	}
	if _, err := newSet(context.Background(), c, rs); err != nil {
		t.Fatal(err)
	}
}

// ruleStrings prints each rule with the position of every term, so a lost
// or moved location fails as surely as a changed term.
func ruleStrings(m *ast.Module) []string {
	out := []string{m.Package.String()}
	for _, r := range m.Rules {
		s := r.String()
		ast.WalkTerms(r, func(t *ast.Term) bool {
			if t.Location != nil {
				s += " " + t.Location.String()
			}
			return false
		})
		out = append(out, s)
	}
	return out
}

// BenchmarkSnapshotLoad is the start-up cost of the built-in set in a lint
// process: decode the snapshot, build the compiler's indexes, prepare the
// query. Compare BenchmarkCompile, the same from source.
func BenchmarkSnapshotLoad(b *testing.B) {
	for b.Loop() {
		c, rs, err := decodeSnapshot(builtinSnapshot)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := newSet(context.Background(), c, rs); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRuleMetaRoundTrip checks that the snapshot's metadata encoding keeps
// every field of every built-in rule, and that damage is an error.
func TestRuleMetaRoundTrip(t *testing.T) {
	rs := append(builtinRules(t), &Rule{ID: "X1", Custom: true, Hard: true})
	enc := encodeRuleMeta(rs)
	got, err := parseRuleMeta(enc)
	if err != nil {
		t.Fatal(err)
	}
	// A nil list comes back empty, which the outputs print as [] anyway.
	if diff := cmp.Diff(rs, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("metadata round trip (-want +got):\n%s", diff)
	}
	for name, b := range map[string][]byte{
		"truncated":     enc[:len(enc)/2],
		"trailing byte": append(slices.Clone(enc), 0),
		"huge count":    binary.AppendUvarint(nil, 1<<40),
		"bad flag":      encodeRuleMetaWithFlag(rs[:1], 7),
		"empty":         nil,
	} {
		if _, err := parseRuleMeta(b); !errors.Is(err, errMetaDamaged) {
			t.Errorf("%s: parseRuleMeta = %v, want errMetaDamaged", name, err)
		}
	}
}

// builtinRules returns the metadata of the built-in rules, read from the
// policy sources.
func builtinRules(t testing.TB) []*Rule {
	t.Helper()
	mods, err := BuiltinModules(false)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rulesOf(mods, false, metaRulesByID())
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// encodeRuleMetaWithFlag encodes rs with the Custom flag byte of the last
// rule replaced by v.
func encodeRuleMetaWithFlag(rs []*Rule, v byte) []byte {
	b := encodeRuleMeta(rs)
	b[len(b)-1] = v
	return b
}

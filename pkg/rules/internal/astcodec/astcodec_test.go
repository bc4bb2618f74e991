package astcodec

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"
)

// cases cover every node kind the codec knows; each is a whole module.
var cases = map[string]string{
	"scalars":  `x := [null, true, false, 1, -2.5, 1e3, "s", "\u00e9\n"]`,
	"objects":  `o := {"a": {"b": [1, {2, 3}]}, "c": set()}`,
	"refs":     "r := input.a[0].b[\"c\"]\nq contains input.x[_]",
	"calls":    `f(a, b) := concat("-", [a, b]) if count(a) > 0`,
	"default":  "default allow := false\nallow if input.ok",
	"else":     "v := 1 if input.a\nelse := 2 if input.b\nelse := 3",
	"negation": "deny contains m if {\n\tnot input.ok\n\tm := \"no\"\n}",
	"compr":    `c := {"arr": [x | some x in input.l], "set": {x | some x in input.l}, "obj": {k: v | some k, v in input.o}}`,
	"every":    "ok if every x in input.l { x > 0 }",
	"some":     "p if {\n\tsome i\n\tinput.l[i] == 1\n}",
	"with":     "t if allow with input as {\"ok\": true}\nallow if input.ok",
	"imports":  "import data.lib.util as u\nz := u.f(1)",
	"multi":    "ms contains x if some x in [1, 2]\nobj[k] := 1 if some k in [\"a\"]",
}

func parse(t testing.TB, name, src string) *ast.Module {
	t.Helper()
	m, err := ast.ParseModuleWithOpts(name+".rego", "package test."+name+"\n\n"+src, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// compiled returns the modules of cases, compiled, with the compiler's
// rewritten variables; lib supplies data.lib.util.f for "imports".
func compiled(t testing.TB) Snapshot {
	mods := map[string]*ast.Module{"lib.rego": parseLib(t)}
	for name, src := range cases {
		mods[name+".rego"] = parse(t, name, src)
	}
	c := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1)
	if c.Compile(mods); c.Failed() {
		t.Fatal(c.Errors)
	}
	return Snapshot{Modules: c.Modules, RewrittenVars: c.RewrittenVars}
}

func parseLib(t testing.TB) *ast.Module {
	m, err := ast.ParseModuleWithOpts("lib.rego", "package lib.util\n\nf(x) := x + 1\n", ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// printed is a module as text with the position of every term and
// expression, so that a lost location fails like a changed term.
func printed(m *ast.Module) []string {
	out := []string{m.Package.String(), m.Package.Location.String()}
	for _, imp := range m.Imports {
		out = append(out, imp.String()+" "+imp.Location.String())
	}
	for _, r := range m.Rules {
		s := r.String() + " @" + r.Location.String() + " head@" + r.Head.Location.String()
		ast.WalkExprs(r, func(x *ast.Expr) bool {
			s += " e@" + x.Location.String()
			return false
		})
		ast.WalkTerms(r, func(t *ast.Term) bool {
			if t.Location != nil {
				s += " t@" + t.Location.String()
			}
			return false
		})
		out = append(out, s)
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	for name, snap := range map[string]Snapshot{
		"compiled": compiled(t),
		"parsed":   {Modules: map[string]*ast.Module{"imports.rego": parse(t, "imports", cases["imports"]), "every.rego": parse(t, "every", cases["every"])}},
	} {
		t.Run(name, func(t *testing.T) {
			data, err := Encode(snap)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Modules) != len(snap.Modules) {
				t.Fatalf("%d modules decoded, %d encoded", len(got.Modules), len(snap.Modules))
			}
			for file, want := range snap.Modules {
				if diff := cmp.Diff(printed(want), printed(got.Modules[file])); diff != "" {
					t.Errorf("%s (-encoded +decoded):\n%s", file, diff)
				}
				for _, r := range got.Modules[file].Rules {
					if r.Module != got.Modules[file] {
						t.Errorf("%s: rule %s has no module", file, r.Head.Name)
					}
				}
			}
			if len(snap.RewrittenVars) > 0 && !cmp.Equal(snap.RewrittenVars, got.RewrittenVars) {
				t.Errorf("rewritten variables: %s", cmp.Diff(snap.RewrittenVars, got.RewrittenVars))
			}
			again, err := Encode(got)
			if err != nil || string(again) != string(data) {
				t.Errorf("re-encoding the decoded snapshot gave other bytes (err %v)", err)
			}
		})
	}
}

// A damaged snapshot is an error, never a crash or a partial result.
func TestDecodeDamaged(t *testing.T) {
	data, err := Encode(compiled(t))
	if err != nil {
		t.Fatal(err)
	}
	for i := range len(data) - 1 {
		if _, err := Decode(data[:i]); err == nil {
			t.Fatalf("Decode of the first %d of %d bytes succeeded", i, len(data))
		}
	}
	if _, err := Decode(append(data, 0)); err == nil || !strings.Contains(err.Error(), "after the end") {
		t.Errorf("a trailing byte: %v", err)
	}
	if _, err := Decode([]byte("TMCAST1\nxx")); err == nil || !strings.Contains(err.Error(), "not a snapshot of this version") {
		t.Errorf("another version: %v", err)
	}
}

// Nodes the format does not know (here a template string) stop Encode.
func TestEncodeUnsupported(t *testing.T) {
	m := parse(t, "ts", `x := 1`)
	m.Rules[0].Head.Value = ast.NewTerm(&ast.TemplateString{})
	_, err := Encode(Snapshot{Modules: map[string]*ast.Module{"ts.rego": m}})
	if err == nil || !strings.Contains(err.Error(), "unsupported value *ast.TemplateString") {
		t.Fatalf("Encode: %v", err)
	}
}

// FuzzDecode: decoding arbitrary bytes ends, without a crash, a hang or a
// huge allocation; what decodes and encodes again decodes to the same bytes.
func FuzzDecode(f *testing.F) {
	data, err := Encode(compiled(f))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Decode(b)
		if err != nil {
			return
		}
		again, err := Encode(s)
		if err != nil {
			t.Fatalf("a decoded snapshot does not encode: %v", err)
		}
		s2, err := Decode(again)
		if err != nil {
			t.Fatalf("a re-encoded snapshot does not decode: %v", err)
		}
		if third, err := Encode(s2); err != nil || string(third) != string(again) {
			t.Fatalf("encoding is not stable (err %v)", err)
		}
	})
}

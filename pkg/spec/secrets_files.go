package spec

import (
	"slices"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// Credentials can also reach the model through file() and templatefile(),
// from a file the scanner of spec files never sees (notes.txt holding
// AWS_SECRET_ACCESS_KEY=...). The loader wraps both functions so that each
// string they return is scanned with findSecrets. Once evaluated, every key
// found is a TMC705 SecretHit at the call that read it, and a secret of the
// loader like the keys written in the spec: overwritten by '*' in source
// snippets and in every printed text (Loaded.Redact), and every attribute
// holding it is Sensitive, so that render writes the documents holding it
// with mode 0600 and prints each of them whole as RedactedData, and the
// inspect document and plans show RedactedData in its place.

// readSecrets are the credentials found in what the file functions
// returned, by the path argument of the call. The evaluation goroutine
// writes it; a timed-out one may still do so while Load reads it.
type readSecrets struct {
	mu     sync.Mutex
	byPath map[string][]secretMatchText
}

type secretMatchText struct{ kind, text string }

func (r *readSecrets) add(path string, kind, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.byPath == nil {
		r.byPath = map[string][]secretMatchText{}
	}
	m := secretMatchText{kind, text}
	if !slices.Contains(r.byPath[path], m) {
		r.byPath[path] = append(r.byPath[path], m)
	}
}

func (r *readSecrets) snapshot() map[string][]secretMatchText {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[string][]secretMatchText, len(r.byPath))
	for k, v := range r.byPath {
		out[k] = slices.Clone(v)
	}
	return out
}

// watchFileFuncs replaces file and templatefile in l.funcs by functions
// that scan what they return.
func (l *loader) watchFileFuncs() {
	for _, name := range []string{"file", "templatefile"} {
		if f, ok := l.funcs[name]; ok {
			l.funcs[name] = scanned(f, &l.read)
		}
	}
}

// scanned wraps a function whose first parameter is a path: every string
// it returns is scanned for credentials, recorded in r by the path.
func scanned(f function.Function, r *readSecrets) function.Function {
	return function.New(&function.Spec{
		Description: f.Description(),
		Params:      f.Params(),
		VarParam:    f.VarParam(),
		Type:        func(args []cty.Value) (cty.Type, error) { return f.ReturnTypeForValues(args) },
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			v, err := f.Call(args)
			if err != nil || len(args) == 0 || !args[0].IsKnown() || args[0].IsNull() || args[0].Type() != cty.String {
				return v, err
			}
			path := args[0].AsString()
			uv, _ := v.Unmark()
			if uv.IsKnown() && !uv.IsNull() && uv.Type() == cty.String {
				src := []byte(uv.AsString())
				for _, m := range findSecrets(src, nil) {
					r.add(path, m.kind, string(src[m.start:m.end]))
				}
			}
			return v, nil
		},
	})
}

// readSecretHits adds the credentials the file functions returned to
// out.secrets, and to the spec's SecretHits at each call of file or
// templatefile in the spec's files whose path is the one read (a constant
// path), or at every call with a path computed from other values when the
// path read was not named by a constant.
func (l *loader) readSecretHits(out *Loaded) {
	found := l.read.snapshot()
	if len(found) == 0 {
		return
	}
	for _, ms := range found {
		for _, m := range ms {
			if !slices.Contains(out.secrets, m.text) {
				out.secrets = append(out.secrets, m.text)
			}
		}
	}
	if l.spec == nil {
		return
	}
	type call struct {
		rng   hcl.Range
		path  string
		fixed bool
	}
	var calls []call
	for _, name := range l.spec.Files {
		f := l.parser.Files()[name]
		if f == nil {
			continue
		}
		body, ok := f.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		_ = hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
			fc, ok := n.(*hclsyntax.FunctionCallExpr)
			if !ok || fc.Name != "file" && fc.Name != "templatefile" || len(fc.Args) == 0 {
				return nil
			}
			c := call{rng: fc.Range()}
			if v, diags := fc.Args[0].Value(nil); !diags.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
				c.path, c.fixed = v.AsString(), true
			}
			calls = append(calls, c)
			return nil
		})
	}
	named := map[string]bool{}
	for _, c := range calls {
		if c.fixed {
			named[c.path] = true
		}
	}
	for _, c := range calls {
		var kinds []string
		for path, ms := range found {
			if c.fixed && path == c.path || !c.fixed && !named[path] {
				for _, m := range ms {
					if !slices.Contains(kinds, m.kind) {
						kinds = append(kinds, m.kind)
					}
				}
			}
		}
		slices.Sort(kinds)
		for _, k := range kinds {
			l.spec.Secrets = append(l.spec.Secrets, &SecretHit{Kind: k, Range: c.rng})
		}
	}
}

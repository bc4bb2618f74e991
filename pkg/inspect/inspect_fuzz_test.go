package inspect_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/teramot/teramotc/pkg/inspect"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/rules"
	"github.com/teramot/teramotc/pkg/spec"
)

// FuzzInspect drives the whole inspect -> rules input path with arbitrary
// one-file specs: load, render, Build, Value and evaluate the built-in rules.
// None of it may panic; the document must hold only JSON values, marshal,
// convert to exactly the OPA value that Value builds directly, and Redact
// must hide every sensitive value without touching the original.
func FuzzInspect(f *testing.F) {
	for _, pattern := range []string{
		"../../examples/*/*.hcl", "../../testdata/rules/*/*.hcl", "../../testdata/secrets/*/*.hcl",
		"../spec/testdata/errors/*.hcl",
	} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil {
				f.Add(b)
			}
		}
	}
	set, err := rules.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file := filepath.Join(t.TempDir(), "main.hcl")
		if err := os.WriteFile(file, src, 0o644); err != nil {
			t.Fatal(err)
		}
		loaded, _ := spec.Load(file, spec.Options{})
		var out *render.Output
		if loaded.Spec != nil {
			if o, diags := render.Render(loaded.Spec); !diags.HasErrors() {
				out = o
			}
		}
		doc := inspect.Build(loaded, out)
		checkValues(t, "", doc)
		before, err := json.Marshal(doc)
		if err != nil {
			t.Fatalf("marshal the inspect document: %v", err)
		}
		red := inspect.Redact(doc)
		if after, _ := json.Marshal(doc); string(after) != string(before) {
			t.Fatal("Redact modified its argument")
		}
		checkRedacted(t, "", red)
		conv, err := ast.InterfaceToValue(doc)
		if err != nil {
			t.Fatalf("convert to a Rego value: %v", err)
		}
		direct := inspect.Value(loaded, out)
		if conv.Compare(direct) != 0 {
			t.Fatalf("Value differs from Build converted to Rego:\n Build: %v\n Value: %v", conv, direct)
		}
		if loaded.Spec == nil || out == nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		findings, err := set.EvaluateValue(ctx, direct)
		if err != nil {
			t.Fatalf("evaluate the built-in rules: %v", err)
		}
		for _, fd := range findings {
			if fd.Rule == nil || fd.Message == "" || fd.Range.Filename == "" {
				t.Fatalf("finding without rule, message or file: %+v", fd)
			}
		}
	})
}

// checkValues fails unless v holds only the value types Build promises.
func checkValues(t *testing.T, path string, v any) {
	t.Helper()
	switch x := v.(type) {
	case nil, string, bool, int, float64:
	case map[string]any:
		for k, e := range x {
			checkValues(t, path+"/"+k, e)
		}
	case []any:
		if x == nil {
			t.Fatalf("%s: nil list", path)
		}
		for _, e := range x {
			checkValues(t, path+"/[]", e)
		}
	default:
		t.Fatalf("%s: value of type %T in the inspect document", path, v)
	}
}

// checkRedacted fails when an object marked sensitive still shows its value
// or content.
func checkRedacted(t *testing.T, path string, v any) {
	t.Helper()
	switch x := v.(type) {
	case map[string]any:
		if s, _ := x["sensitive"].(bool); s {
			for _, k := range []string{"value", "content"} {
				if e, ok := x[k]; ok && e != inspect.Redacted {
					t.Fatalf("%s/%s: sensitive value printed: %v", path, k, e)
				}
			}
		}
		for k, e := range x {
			checkRedacted(t, path+"/"+k, e)
		}
	case []any:
		for _, e := range x {
			checkRedacted(t, path+"/[]", e)
		}
	}
}

package inspect

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/teramot/teramotc/pkg/render"
	"github.com/teramot/teramotc/pkg/spec"
)

func rng(file string, line, col, endCol int) hcl.Range {
	return hcl.Range{
		Filename: file,
		Start:    hcl.Pos{Line: line, Column: col, Byte: line * 100},
		End:      hcl.Pos{Line: line, Column: endCol, Byte: line*100 + endCol - col},
	}
}

func testModel() (*spec.Loaded, *render.Output) {
	hdr := rng("main.hcl", 3, 1, 14)
	b := &spec.Bucket{
		Block:  spec.Block{Address: "bucket.data", DeclRange: hdr, Range: rng("main.hcl", 3, 1, 2)},
		Label:  "data",
		Name:   spec.Attr[string]{Value: "acme-data", Range: rng("main.hcl", 4, 3, 21), Set: true},
		Region: spec.Attr[string]{Value: "us-east-1", Range: hdr},
		ObjectOwnership: spec.Attr[string]{
			Value: "BucketOwnerEnforced", Range: hdr,
		},
		Statements: []*spec.Statement{{
			Block:      spec.Block{Address: "bucket.data.statement.Org"},
			Sid:        "Org",
			Principals: spec.Attr[spec.Principals]{Value: spec.Principals{Wildcard: true}, Set: true},
			Actions:    spec.Attr[[]string]{Value: []string{"s3:GetObject"}, Set: true, Sensitive: true},
		}},
	}
	l := &spec.Loaded{Spec: &spec.Spec{
		Root:    "specs/a",
		Files:   []string{"specs/a/main.hcl"},
		Buckets: []*spec.Bucket{b},
	}}
	out := &render.Output{Documents: []*render.Document{{
		Path:    "buckets/acme-data/bucket-policy.json",
		Kind:    render.KindBucketPolicy,
		Address: "bucket.data",
		Range:   hdr,
		Content: map[string]any{"Version": "2012-10-17", "Statement": []any{
			map[string]any{"Sid": "Org", "Action": []string{"s3:GetObject"}},
		}},
		Provenance: map[string]hcl.Range{"/Statement/0": rng("main.hcl", 7, 3, 20)},
		Sensitive:  true,
	}}}
	return l, out
}

func TestBuildShape(t *testing.T) {
	l, out := testModel()
	doc := Build(l, out)

	for _, key := range []string{"format_version", "root", "files", "teramotc", "aws", "variables", "locals", "buckets", "grants", "trails", "documents"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("document has no %q key", key)
		}
	}
	for _, key := range []string{"variables", "locals", "grants", "trails"} {
		if _, ok := doc[key].([]any); !ok {
			t.Errorf("%s = %#v, want an empty list", key, doc[key])
		}
	}
	if doc["teramotc"] != nil {
		t.Errorf("teramotc = %#v, want null for an absent block", doc["teramotc"])
	}

	bucket := doc["buckets"].([]any)[0].(map[string]any)
	if got := bucket["address"]; got != "bucket.data" {
		t.Errorf("embedded Block not flattened: address = %v", got)
	}
	wantName := map[string]any{
		"value": "acme-data", "set": true, "sensitive": false,
		"range": map[string]any{
			"filename": "main.hcl",
			"start":    map[string]any{"line": 4, "column": 3, "byte": 400},
			"end":      map[string]any{"line": 4, "column": 21, "byte": 418},
		},
	}
	if diff := cmp.Diff(wantName, bucket["name"]); diff != "" {
		t.Errorf("bucket name attribute (-want +got):\n%s", diff)
	}
	if bucket["access_logging"] != nil {
		t.Errorf("access_logging = %#v, want null", bucket["access_logging"])
	}
	if got, ok := bucket["lifecycle_rules"].([]any); !ok || len(got) != 0 {
		t.Errorf("lifecycle_rules = %#v, want []", bucket["lifecycle_rules"])
	}
	st := bucket["statements"].([]any)[0].(map[string]any)
	principals := st["principals"].(map[string]any)["value"].(map[string]any)
	if diff := cmp.Diff(map[string]any{"wildcard": true, "map": map[string]any{}}, principals); diff != "" {
		t.Errorf("principals (-want +got):\n%s", diff)
	}
	if got := st["not_actions"].(map[string]any)["value"]; cmp.Diff([]any{}, got) != "" {
		t.Errorf("unset list attribute value = %#v, want []", got)
	}

	d := doc["documents"].([]any)[0].(map[string]any)
	wantProv := map[string]any{"/Statement/0": Range(rng("main.hcl", 7, 3, 20))}
	if diff := cmp.Diff(wantProv, d["provenance"]); diff != "" {
		t.Errorf("provenance (-want +got):\n%s", diff)
	}
	action := d["content"].(map[string]any)["Statement"].([]any)[0].(map[string]any)["Action"]
	if diff := cmp.Diff([]any{"s3:GetObject"}, action); diff != "" {
		t.Errorf("content not normalized (-want +got):\n%s", diff)
	}
}

// The document must encode to the same JSON as the model's own json tags
// (apart from omitempty and null lists), so user policies can rely on either.
var rangeKeys = map[string]bool{"Filename": true, "Start": true, "End": true, "Line": true, "Column": true, "Byte": true}

func TestBuildMatchesJSONTags(t *testing.T) {
	l, _ := testModel()
	doc := Build(l, nil)
	raw, err := json.Marshal(l.Spec)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	raw, err = json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	var walk func(path string, w, g any)
	walk = func(path string, w, g any) {
		switch w := w.(type) {
		case map[string]any:
			gm, ok := g.(map[string]any)
			if !ok {
				t.Errorf("%s: got %T, want object", path, g)
				return
			}
			for k, wv := range w {
				gk := k
				if rangeKeys[k] { // hcl.Range has no json tags
					gk = strings.ToLower(k)
				}
				walk(path+"/"+k, wv, gm[gk])
			}
		case []any:
			ga, _ := g.([]any)
			if len(ga) != len(w) {
				t.Errorf("%s: got %d elements, want %d", path, len(ga), len(w))
				return
			}
			for i := range w {
				walk(path, w[i], ga[i])
			}
		case nil:
			// null lists and maps become empty ones; null pointers stay null.
		default:
			if w != g {
				t.Errorf("%s = %v, want %v", path, g, w)
			}
		}
	}
	walk("", want, got)
}

func TestRedact(t *testing.T) {
	l, out := testModel()
	doc := Build(l, out)
	red := Redact(doc)

	st := red["buckets"].([]any)[0].(map[string]any)["statements"].([]any)[0].(map[string]any)
	if got := st["actions"].(map[string]any)["value"]; got != Redacted {
		t.Errorf("sensitive attribute value = %v, want %q", got, Redacted)
	}
	if got := st["principals"].(map[string]any)["value"]; got == Redacted {
		t.Errorf("non-sensitive attribute was redacted")
	}
	if got := red["documents"].([]any)[0].(map[string]any)["content"]; got != Redacted {
		t.Errorf("sensitive document content = %v, want %q", got, Redacted)
	}
	// The input document keeps the real values.
	orig := doc["buckets"].([]any)[0].(map[string]any)["statements"].([]any)[0].(map[string]any)
	if got := orig["actions"].(map[string]any)["value"]; cmp.Diff([]any{"s3:GetObject"}, got) != "" {
		t.Errorf("Redact modified its input: %v", got)
	}
}

func TestBuildWithoutSpec(t *testing.T) {
	doc := Build(&spec.Loaded{}, nil)
	if doc["format_version"] != FormatVersion {
		t.Errorf("format_version = %v", doc["format_version"])
	}
	if got, ok := doc["buckets"].([]any); !ok || len(got) != 0 {
		t.Errorf("buckets = %#v, want []", doc["buckets"])
	}
	if got, ok := doc["documents"].([]any); !ok || len(got) != 0 {
		t.Errorf("documents = %#v, want []", doc["documents"])
	}
}

// Value builds exactly the document Build does, as an OPA value.
func TestValueMatchesBuild(t *testing.T) {
	l, out := testModel()
	want, err := ast.InterfaceToValue(Build(l, out))
	if err != nil {
		t.Fatal(err)
	}
	got := Value(l, out)
	if want.Compare(got) != 0 {
		t.Errorf("Value() differs from Build():\n got %v\nwant %v", got, want)
	}
	if v := Value(&spec.Loaded{}, nil); v.(ast.Object).Get(ast.StringTerm("buckets")) == nil {
		t.Errorf("Value without a spec has no buckets: %v", v)
	}
}

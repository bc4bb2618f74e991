package inspect

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/teramot/teramotc/pkg/spec"
)

// TestElementRanges: an attribute holding a list of strings has
// element_ranges, one range per element: the element's own when the list
// is a list literal, else the attribute's; no other attribute has the key.
// Build and Value agree (review-adopt F-list-range).
func TestElementRanges(t *testing.T) {
	dir := t.TempDir()
	src := `aws { account_id = "123456789012" }
bucket "data" {
  name   = "acme-data"
  region = "us-east-1"
}
locals {
  p = ["read"]
}
grant "g" {
  bucket        = bucket.data
  permissions   = local.p
  extra_actions = ["s3:GetObjectVersion",
    "s3:PutObjectTagging"]
  iam_user { name = "u" }
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	l, diags := spec.Load(dir, spec.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	doc := Build(l, nil)
	g := doc["grants"].([]any)[0].(map[string]any)
	type span struct{ Line, Col, EndCol int }
	spans := func(attr string) []span {
		var out []span
		rs, _ := g[attr].(map[string]any)["element_ranges"].([]any)
		for _, r := range rs {
			r := r.(map[string]any)
			s, e := r["start"].(map[string]any), r["end"].(map[string]any)
			out = append(out, span{s["line"].(int), s["column"].(int), e["column"].(int)})
		}
		return out
	}
	if diff := cmp.Diff([]span{{12, 20, 41}, {13, 5, 26}}, spans("extra_actions")); diff != "" {
		t.Errorf("extra_actions element_ranges (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]span{{11, 3, 26}}, spans("permissions")); diff != "" {
		t.Errorf("permissions (not a list literal) element_ranges (-want +got):\n%s", diff)
	}
	if _, ok := doc["aws"].(map[string]any)["account_id"].(map[string]any)["element_ranges"]; ok {
		t.Error("a string attribute has element_ranges")
	}
	if _, ok := g["prefix"].(map[string]any)["element_ranges"]; ok {
		t.Error("a string attribute has element_ranges")
	}

	// Value builds the same document.
	want, err := ast.InterfaceToValue(roundTrip(t, doc))
	if err != nil {
		t.Fatal(err)
	}
	if got := Value(l, nil); got.Compare(want) != 0 {
		t.Errorf("Value differs from Build:\n%v\n%v", got, want)
	}
}

func roundTrip(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

package inspect

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/teramot/teramotc/pkg/spec"
)

// TestNumberFlag: a string attribute written as a number has "number": true
// (so TMC604's Rego message can say to quote an account id), in Build and
// Value alike; no other attribute has the key.
func TestNumberFlag(t *testing.T) {
	dir := t.TempDir()
	src := `aws { account_id = 307946518231 }
bucket "data" {
  name   = "acme-data"
  region = "us-east-1"
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
	acct := doc["aws"].(map[string]any)["account_id"].(map[string]any)
	if acct["number"] != true || acct["value"] != "307946518231" {
		t.Errorf("account_id = %v, want number true", acct)
	}
	b := doc["buckets"].([]any)[0].(map[string]any)
	if _, ok := b["name"].(map[string]any)["number"]; ok {
		t.Error(`a quoted string has "number"`)
	}
	want, err := ast.InterfaceToValue(roundTrip(t, doc))
	if err != nil {
		t.Fatal(err)
	}
	if got := Value(l, nil); got.Compare(want) != 0 {
		t.Errorf("Value differs from Build:\n%v\n%v", got, want)
	}
}

package rules

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md")

const rulesDoc = "../../docs/rules.md"

// docs/rules.md is generated from the rules' METADATA; this fails when it is
// stale. Regenerate it with `go generate ./pkg/rules`.
func TestDocsRulesCurrent(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, set.Rules()); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(rulesDoc, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(rulesDoc)
	if err != nil {
		t.Fatalf("%v; run `go generate ./pkg/rules`", err)
	}
	if !bytes.Equal(got, buf.Bytes()) {
		t.Errorf("docs/rules.md is stale; run `go generate ./pkg/rules`")
	}
}

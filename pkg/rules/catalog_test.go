package rules

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// catalog.txt is the ID, name and severity columns of the rule catalog
// (shared/rules.md). Every rule must exist with exactly that metadata.
func TestCatalogComplete(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/catalog.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 3 {
			t.Fatalf("catalog line %q: want ID, name, severity", sc.Text())
		}
		n++
		id, name, sev := cols[0], cols[1], cols[2]
		hard := strings.HasSuffix(sev, ", hard")
		sev = strings.TrimSuffix(sev, ", hard")
		r := set.Rule(id)
		if r == nil {
			t.Errorf("%s (%s) is in the catalog but no built-in rule has this id", id, name)
			continue
		}
		if r.Name != name || string(r.Severity) != sev || r.Hard != hard {
			t.Errorf("%s: name %q severity %q hard %v, catalog says %q %q %v", id, r.Name, r.Severity, r.Hard, name, sev, hard)
		}
		if r.Description == "" || r.Remediation == "" {
			t.Errorf("%s: METADATA needs a description and custom.remediation", id)
		}
		if r.Custom {
			t.Errorf("%s: built-in rule marked custom", id)
		}
	}
	if n != len(set.Rules()) {
		t.Errorf("catalog has %d rules, the built-in set %d: every built-in rule must be in the catalog", n, len(set.Rules()))
	}
}

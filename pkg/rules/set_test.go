package rules

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLoadMetadataErrors(t *testing.T) {
	tests := []struct {
		name string
		dir  string
		want string
	}{
		{"missing id", "missing_id", "no custom.id"},
		{"bad severity", "bad_severity", `custom.severity "critical"`},
		{"duplicate id", "dup_id", "rule id ACME003 of package data.teramotc.rules.second is already used"},
		{"no deny rule", "no_deny", "has no deny rule"},
		{"network built-in refused", "network", "http.send"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(context.Background(), Options{PolicyDirs: []string{filepath.Join("testdata", "policies", tc.dir)}})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Load() error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestLoadNetworkBuiltinsAllowed(t *testing.T) {
	_, err := Load(context.Background(), Options{
		PolicyDirs:           []string{filepath.Join("testdata", "policies", "network")},
		AllowNetworkBuiltins: true,
	})
	if err != nil {
		t.Fatalf("Load() with AllowNetworkBuiltins: %v", err)
	}
}

func TestCustomPolicy(t *testing.T) {
	set, err := Load(context.Background(), Options{PolicyDirs: []string{filepath.Join("testdata", "policies", "custom")}})
	if err != nil {
		t.Fatal(err)
	}
	r := set.Rule("ACME001")
	if r == nil {
		t.Fatal("custom rule ACME001 not loaded")
	}
	if !r.Custom || r.Severity != SeverityWarning || r.SecuritySeverity != "4.0" || r.Name != "acme-versioning" {
		t.Errorf("metadata = %+v", r)
	}
	if len(r.Peers) != 1 || r.Peers[0] != "CKV_AWS_21" || len(r.RelatedResources) != 1 {
		t.Errorf("peers %v, related resources %v", r.Peers, r.RelatedResources)
	}
	doc := map[string]any{
		"files": []any{"main.hcl"},
		"buckets": []any{map[string]any{
			"label": "data", "address": "bucket.data",
			"versioning": map[string]any{"value": false, "range": map[string]any{
				"filename": "main.hcl",
				"start":    map[string]any{"line": 3, "column": 3, "byte": 40},
				"end":      map[string]any{"line": 3, "column": 21, "byte": 58},
			}},
		}},
	}
	found, err := set.Evaluate(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	var acme []*Finding
	for _, f := range found {
		if f.Rule.ID == "ACME001" {
			acme = append(acme, f)
		}
	}
	if len(acme) != 1 {
		t.Fatalf("ACME001 findings = %d, want 1", len(acme))
	}
	f := acme[0]
	if f.Message != `bucket "data" is not versioned` || f.Address != "bucket.data" ||
		f.Range.Filename != "main.hcl" || f.Range.Start.Line != 3 || f.Range.End.Column != 21 {
		t.Errorf("finding = %+v", f)
	}
}

func TestEvaluateDeadline(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	if _, err := set.Evaluate(ctx, map[string]any{}); err == nil {
		t.Fatal("Evaluate with an expired deadline succeeded")
	}
}

// The built-in set is compiled once per process, however often it is asked
// for and from however many goroutines.
func TestBuiltinCompiledOnce(t *testing.T) {
	done := make(chan struct{})
	for range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			if _, err := Builtin(); err != nil {
				t.Error(err)
			}
		}()
	}
	for range 8 {
		<-done
	}
	a, _ := Builtin()
	b, _ := Load(context.Background(), Options{})
	if a != b {
		t.Error("Builtin() and Load() without custom policies returned two different sets")
	}
	if n := builtinCompiles.Load(); n != 1 {
		t.Errorf("built-in policy set compiled %d times, want 1", n)
	}
}

func TestMetaRulesListed(t *testing.T) {
	set, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"TMC901", "TMC902", "TMC903"} {
		r := set.Rule(id)
		if r == nil || r.Link == "" || !r.Severity.Valid() {
			t.Errorf("meta rule %s = %+v", id, r)
		}
	}
}

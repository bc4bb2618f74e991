package view

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestUnhonouredInlineIgnoresMachineFormats: the suppression comments
// that inline ignores being off left unhonoured, which the text formats'
// Configuration: line counts, are counted by json
// (unhonoured_inline_ignores, 0 when none) and by SARIF (the invocation
// property unhonouredInlineIgnores, only when some), in a log the SARIF
// schema accepts.
func TestUnhonouredInlineIgnoresMachineFormats(t *testing.T) {
	sch := sarifSchema(t)
	for _, tt := range []struct {
		name      string
		n         int
		wantSARIF map[string]any
	}{
		{"none", 0, nil},
		{"two", 2, map[string]any{"unhonouredInlineIgnores": float64(2)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := &LintReport{Unhonoured: tt.n, Command: "lint"}
			var doc map[string]any
			if err := json.Unmarshal(writeLintString(t, "json", r), &doc); err != nil {
				t.Fatal(err)
			}
			if got, ok := doc["unhonoured_inline_ignores"]; !ok || got != float64(tt.n) {
				t.Errorf("json unhonoured_inline_ignores = %v (present %v), want %d", got, ok, tt.n)
			}
			out := writeLintString(t, "sarif", r)
			if err := validateSARIF(t, sch, out); err != nil {
				t.Errorf("SARIF schema: %v", err)
			}
			var log struct {
				Runs []struct {
					Invocations []struct {
						Properties map[string]any `json:"properties"`
					} `json:"invocations"`
				} `json:"runs"`
			}
			if err := json.Unmarshal(out, &log); err != nil {
				t.Fatal(err)
			}
			if len(log.Runs) != 1 || len(log.Runs[0].Invocations) != 1 {
				t.Fatalf("want one run with one invocation:\n%s", out)
			}
			if diff := cmp.Diff(tt.wantSARIF, log.Runs[0].Invocations[0].Properties); diff != "" {
				t.Errorf("SARIF invocation properties (-want +got):\n%s", diff)
			}
		})
	}
}

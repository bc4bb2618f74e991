package cli

import (
	"encoding/json"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/teramot/teramotc/internal/view"
)

// cmdEventLines checks the stdout of the last command as a plan/apply
// -json stream: every line one JSON object with the @-fields and a known
// type (view.CheckEventLines), the version event first and only once, and
// at least one event of each TYPE given: eventlines [TYPE...].
func cmdEventLines(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("usage: eventlines [TYPE...] (no negation)")
	}
	out := ts.ReadFile("stdout")
	if err := view.CheckEventLines([]byte(out)); err != nil {
		ts.Fatalf("stdout is not an event stream: %v\n%s", err, out)
	}
	seen := map[string]int{}
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var ev struct{ Type string }
		ts.Check(json.Unmarshal([]byte(line), &ev))
		if i == 0 && ev.Type != "version" {
			ts.Fatalf("the first event is %q, want version", ev.Type)
		}
		seen[ev.Type]++
	}
	if seen["version"] != 1 {
		ts.Fatalf("%d version events, want 1", seen["version"])
	}
	for _, typ := range args {
		if seen[typ] == 0 {
			ts.Fatalf("no %s event in:\n%s", typ, out)
		}
	}
}

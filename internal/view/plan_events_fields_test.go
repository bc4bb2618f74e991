package view

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/apply"
)

// eventFields are the documented fields of each event type (docs/cli.md,
// "JSON event stream"), by path from the event object ("" is the event
// itself, besides the @-fields and type). Each must be present in every
// event of the type, even when empty, and no other field may be.
var (
	resourceFields = []string{"addr", "resource_type", "resource_name", "owner", "spec_address"}
	hookFields     = map[string][]string{
		"":              {"hook"},
		"hook":          {"resource", "action", "phase", "elapsed_seconds", "detail"},
		"hook.resource": resourceFields,
	}
	eventFields = map[string]map[string][]string{
		"version":    {"": {"teramotc", "ui"}},
		"diagnostic": {"": {"diagnostic"}, "diagnostic": {"severity", "summary", "detail", "rule_id"}},
		"planned_change": {
			"":                {"change"},
			"change":          {"resource", "action", "risk", "destructive", "reason", "step", "unsupported", "sensitive", "before", "after"},
			"change.resource": resourceFields,
		},
		"change_summary": {"": {"changes"}, "changes": {"add", "change", "remove", "operation"}},
		"apply_start":    hookFields,
		"apply_progress": hookFields,
		"apply_complete": hookFields,
		"apply_errored":  hookFields,
		"outputs": {
			"":                         {"outputs"},
			"outputs":                  {"access_key_files"},
			"outputs.access_key_files": {"sensitive", "type", "value"},
		},
	}
	// locatedDiagnostic adds what a diagnostic with a source range has.
	locatedDiagnostic = map[string][]string{
		"":                 {"diagnostic"},
		"diagnostic":       {"severity", "summary", "detail", "rule_id", "range", "snippet"},
		"diagnostic.range": {"filename", "start", "end"},
	}
)

// eventKeyProblems lists how the event line differs from want: a missing
// or extra field at a path, or a path that is not an object.
func eventKeyProblems(line []byte, want map[string][]string) []string {
	var ev map[string]any
	if err := json.Unmarshal(line, &ev); err != nil {
		return []string{err.Error()}
	}
	var problems []string
	for path, keys := range want {
		obj := ev
		if path != "" {
			for _, p := range strings.Split(path, ".") {
				obj, _ = obj[p].(map[string]any)
			}
		}
		if obj == nil {
			problems = append(problems, fmt.Sprintf("%s is not an object", path))
			continue
		}
		wantKeys := append([]string{}, keys...)
		if path == "" {
			wantKeys = append(wantKeys, "@level", "@message", "@module", "@timestamp", "type")
		}
		for _, k := range wantKeys {
			if _, ok := obj[k]; !ok {
				problems = append(problems, fmt.Sprintf("%s lacks %q", path, k))
			}
		}
		for k := range obj {
			if !slices.Contains(wantKeys, k) {
				problems = append(problems, fmt.Sprintf("%s has undocumented %q", path, k))
			}
		}
	}
	sort.Strings(problems)
	return problems
}

// TestEventFieldsDocumented: every event type carries every field
// docs/cli.md lists for it, even when empty or false, and no other; the
// docs' table row of the type names each of them.
func TestEventFieldsDocumented(t *testing.T) {
	var b bytes.Buffer
	ev := NewEvents(&b, stepClock())
	// Empty values everywhere: no owner, reason, unsupported, phase or
	// detail; not sensitive; nothing before.
	c := &apply.Change{Type: apply.TBucket, Name: "b", Address: "bucket.data", Action: apply.ActionCreate, Risk: apply.RiskNeutral, Step: 3}
	ev.Version("1.2.3")
	ev.Problem(hcl.DiagError, "reading the live state: AccessDenied", "")
	ev.Plan(&apply.Plan{FormatVersion: "1.0", Changes: []*apply.Change{c}})
	p := NewApplyProgress(ev)
	p.Event(apply.ProgressEvent{Kind: apply.ProgressStart, Change: c})
	p.Event(apply.ProgressEvent{Kind: apply.ProgressComplete, Change: c})
	p.Event(apply.ProgressEvent{Kind: apply.ProgressStart, Change: c})
	p.Event(apply.ProgressEvent{Kind: apply.ProgressWaiting, Change: c, Detail: "still waiting"})
	p.Errored(nil)
	ev.Summary("apply", 1, 0)
	ev.ApplyOutputs(nil)
	src := []byte("aws {\n  account_id = \"999988887777\"\n}\n")
	rng := hcl.Range{Filename: "main.hcl", Start: hcl.Pos{Line: 2, Column: 16, Byte: 21}, End: hcl.Pos{Line: 2, Column: 30, Byte: 35}}
	ev.Diagnostics(hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "wrong account", Subject: &rng}},
		map[string]*hcl.File{"main.hcl": {Bytes: src}})

	doc, err := os.ReadFile("../../docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	for i, line := range lines {
		var head struct{ Type string }
		if err := json.Unmarshal([]byte(line), &head); err != nil {
			t.Fatal(err)
		}
		want := eventFields[head.Type]
		if i == len(lines)-1 {
			want = locatedDiagnostic
		}
		for _, pr := range eventKeyProblems([]byte(line), want) {
			t.Errorf("%s event: %s\n%s", head.Type, pr, line)
		}
		seen[head.Type] = true
	}
	for _, typ := range EventTypes {
		if !seen[typ] {
			t.Errorf("no %s event emitted", typ)
		}
		row := docRow(string(doc), typ)
		if row == "" {
			t.Errorf("docs/cli.md has no event table row for %s", typ)
			continue
		}
		fields := eventFields[typ]
		switch {
		case fields["hook"] != nil: // the hook fields are listed once
			row += docRow(string(doc), "apply_start") + docRow(string(doc), "planned_change")
		case typ == "diagnostic":
			fields = locatedDiagnostic
		}
		for path, keys := range fields {
			if path == "diagnostic.range" {
				continue // the JSON diagnostics section lists them
			}
			for _, k := range keys {
				if !strings.Contains(row, "`"+k+"`") {
					t.Errorf("docs/cli.md's %s row does not name `%s`", typ, k)
				}
			}
		}
	}
}

// docRow is the line of the event table of docs/cli.md for typ.
func docRow(doc, typ string) string {
	for _, line := range strings.Split(doc, "\n") {
		if strings.HasPrefix(line, "| `"+typ+"` |") {
			return line
		}
	}
	return ""
}

// TestEventKeyProblems: the check of TestEventFieldsDocumented finds a
// missing field, an undocumented one and a payload that is not an object.
func TestEventKeyProblems(t *testing.T) {
	good := `{"@level":"info","@message":"m","@module":"teramotc.ui","@timestamp":"t","type":"change_summary","changes":{"add":0,"change":0,"remove":0,"operation":"plan"}}`
	for _, tc := range []struct {
		name, line string
		want       []string
	}{
		{"good", good, nil},
		{"missing", strings.Replace(good, `"remove":0,`, "", 1), []string{`changes lacks "remove"`}},
		{"extra", strings.Replace(good, `"add":0,`, `"add":0,"import":0,`, 1), []string{`changes has undocumented "import"`}},
		{"missing @-field", strings.Replace(good, `"@level":"info",`, "", 1), []string{` lacks "@level"`}},
		{"not an object", strings.Replace(good, `{"add":0,"change":0,"remove":0,"operation":"plan"}`, "null", 1), []string{"changes is not an object"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := eventKeyProblems([]byte(tc.line), eventFields["change_summary"])
			if !slices.Equal(got, tc.want) {
				t.Errorf("problems = %q, want %q", got, tc.want)
			}
		})
	}
}

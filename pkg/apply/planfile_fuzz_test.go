package apply

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// crafted are plan files built to break show and apply (nil pointers
// once), kept as fuzz seeds and parse cases.
var crafted = []struct {
	name, text, err string
}{
	{"plan null", `{"format_version":"1.0","spec":"/x","plan":null}`, "its plan is null"},
	{"change null", `{"format_version":"1.0","spec":"/x","plan":{"changes":[null]}}`, "change 1 is null"},
	{"second change null", `{"format_version":"2.0","spec":"/x","plan":{"changes":[{"type":"bucket","name":"b","action":"create"},null]}}`, "change 2 is null"},
	{"spec path with an escape", `{"format_version":"2.0","spec":"/x\u001b[2J","plan":{"changes":[]}}`, `its spec path "/x\u001b[2J" holds a control character`},
	{"no spec", `{"format_version":"2.0","plan":{"changes":[]}}`, "it names no spec"},
	{"change without type", `{"format_version":"2.0","spec":"/x","plan":{"changes":[{"name":"b","action":"create"}]}}`, "change 1 has no type or name"},
	{"unknown action", `{"format_version":"2.0","spec":"/x","plan":{"changes":[{"type":"bucket","name":"b","action":"destroy"}]}}`, `change 1 has action "destroy"`},
	{"future format", `{"format_version":"9.0","spec":"/x","plan":{"changes":[]}}`, `has format "9.0"; this teramotc reads 2.0 (and shows 1.0)`},
	{"format a number", `{"format_version":2,"spec":"/x","plan":{}}`, `has format 2;`},
	{"wrong types", `{"format_version":"2.0","spec":"/x","plan":{"changes":{}}}`, `is damaged: "plan.changes" is an object, not an array`},
	{"action a number", `{"format_version":"2.0","spec":"/x","plan":{"changes":[{"type":"bucket","name":"b","action":1}]}}`,
		`is damaged: "plan.changes.action" is a number, not a string`},
	{"step a fraction", `{"format_version":"2.0","spec":"/x","plan":{"changes":[{"type":"bucket","name":"b","action":"create","step":1.5}]}}`,
		`is damaged: "plan.changes.step" is a number, not a whole number`},
	{"spec true", `{"format_version":"2.0","spec":true,"plan":{}}`, `is damaged: "spec" is true or false, not a string`},
	{"null arrays", `{"format_version":"2.0","spec":"/x","plan":{"changes":null,"warnings":null}}`, ""},
}

func TestParsePlanFile(t *testing.T) {
	for _, tc := range crafted {
		t.Run(tc.name, func(t *testing.T) {
			sp, ok, err := ParsePlanFile("p.json", []byte(tc.text))
			if !ok {
				t.Fatal("not recognised as a plan file")
			}
			if tc.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				if sp.Plan.Changes == nil || sp.Plan.Warnings == nil {
					t.Error("null arrays were kept")
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("err = %v, want %q", err, tc.err)
			}
			checkPlanFileProblem(t, err, "plan file p.json ")
		})
	}
	for _, text := range []string{`{"format_version":"1.0","changes":[]}`, `[]`, `null`, `bucket "x" {}`} {
		if _, ok, err := ParsePlanFile("x", []byte(text)); ok || err != nil {
			t.Errorf("%s: ok=%v err=%v, want not a plan file", text, ok, err)
		}
	}
}

// checkPlanFileProblem checks that err is a *Problem whose summary starts
// with prefix (naming the file) and holds no Go error text, and whose
// detail is a sentence saying to save the plan again or what else to do.
func checkPlanFileProblem(t *testing.T, err error, prefix string) {
	t.Helper()
	var p *Problem
	if !errors.As(err, &p) {
		t.Fatalf("err = %#v, want a *Problem", err)
	}
	if !strings.HasPrefix(p.Summary, prefix) {
		t.Errorf("summary %q does not start with %q", p.Summary, prefix)
	}
	for _, goText := range []string{"json:", "cannot unmarshal", "Go struct", "open "} {
		if strings.Contains(p.Summary, goText) {
			t.Errorf("summary %q holds Go's error text %q", p.Summary, goText)
		}
	}
	if !strings.HasSuffix(p.Detail, ".") || !strings.Contains(p.Detail, "teramotc") {
		t.Errorf("detail %q is not a sentence saying what to do", p.Detail)
	}
	if strings.Contains(p.Summary, p.Detail) || strings.Contains(err.Error(), "save the plan again") {
		t.Errorf("what to do is in the error text %q, want it in the detail only", err)
	}
}

// FuzzReadPlanFile: any bytes as a plan file: ReadPlanFile does not panic;
// a plan it accepts has a spec, a plan and no null change, and can be
// redacted, counted and written back as JSON, and what is written back
// parses to a plan that writes the same bytes.
func FuzzReadPlanFile(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "planfiles", "*.json"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, c := range crafted {
		f.Add([]byte(c.text))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		path := filepath.Join(t.TempDir(), "p.json")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		sp, ok, err := ReadPlanFile(path)
		if !ok || err != nil {
			if sp != nil {
				t.Errorf("a plan returned with ok=%v err=%v", ok, err)
			}
			return
		}
		if sp.Spec == "" || sp.Plan == nil || sp.Plan.Changes == nil || sp.Plan.Warnings == nil {
			t.Fatalf("accepted a broken plan file: %+v", sp)
		}
		for _, c := range sp.Plan.Changes {
			if c == nil {
				t.Fatal("accepted a null change")
			}
		}
		r := sp.Plan.Redacted()
		r.Counts()
		r.Destructive()
		out, err := json.Marshal(sp)
		if err != nil {
			t.Fatalf("cannot write the plan back: %v", err)
		}
		again, ok, err := ParsePlanFile("p.json", out)
		if !ok || err != nil {
			t.Fatalf("the plan written back does not parse (ok=%v): %v\n%s", ok, err, out)
		}
		if out2, err := json.Marshal(again); err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("write, parse, write changed the plan (err %v):\n%s\n%s", err, out, out2)
		}
	})
}

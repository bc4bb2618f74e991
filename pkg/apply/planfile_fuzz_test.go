package apply

import (
	"encoding/json"
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
	{"unknown action", `{"format_version":"2.0","spec":"/x","plan":{"changes":[{"type":"bucket","name":"b","action":"delete"}]}}`, `change 1 has action "delete"`},
	{"future format", `{"format_version":"9.0","spec":"/x","plan":{"changes":[]}}`, `has format "9.0"; this teramotc reads 2.0 (and shows 1.0)`},
	{"format a number", `{"format_version":2,"spec":"/x","plan":{}}`, `has format 2;`},
	{"wrong types", `{"format_version":"2.0","spec":"/x","plan":{"changes":{}}}`, "cannot unmarshal"},
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
			if !strings.HasPrefix(err.Error(), "plan file p.json ") && !strings.HasPrefix(err.Error(), "read plan file p.json") {
				t.Errorf("err %q does not name the file", err)
			}
		})
	}
	for _, text := range []string{`{"format_version":"1.0","changes":[]}`, `[]`, `null`, `bucket "x" {}`} {
		if _, ok, err := ParsePlanFile("x", []byte(text)); ok || err != nil {
			t.Errorf("%s: ok=%v err=%v, want not a plan file", text, ok, err)
		}
	}
}

// FuzzReadPlanFile: any bytes as a plan file: ReadPlanFile does not panic;
// a plan it accepts has a spec, a plan and no null change, and can be
// redacted, counted and written back as JSON.
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
		if _, err := json.Marshal(sp); err != nil {
			t.Errorf("cannot write the plan back: %v", err)
		}
	})
}

package view

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/apply"
)

// A plan file may hold any JSON in a change's before and after (show):
// the text never panics, and each value stays on the lines of its own
// change (no line of the diff holds a line break or a control character
// once escaped).
func FuzzPlanTextDiff(f *testing.F) {
	for _, tc := range displayCases {
		f.Add(tc.typ, tc.before, tc.after)
	}
	f.Add(apply.TBucketPolicy, `{"Statement":[{"Sid":"a"},{"Sid":"a"},{}]}`, `{"Statement":[{"Sid":"a","Effect":"Deny"},1]}`)
	f.Add(apply.TTagging, `{"TagSet":[{"Key":"k"}],"Tags":{"k":"v"}}`, `{"Tags":{"k\n::error::x":"v\u001b[2J"}}`)
	f.Fuzz(func(t *testing.T, typ, before, after string) {
		var b, a any
		if json.Unmarshal([]byte(before), &b) != nil || json.Unmarshal([]byte(after), &a) != nil {
			return
		}
		var out strings.Builder
		WritePlanText(&out, &apply.Plan{Warnings: []string{}, Changes: []*apply.Change{{
			Type: typ, Name: "b", Action: apply.ActionUpdate, Before: b, After: a}}}, false)
		for _, l := range strings.Split(out.String(), "\n") {
			if strings.ContainsFunc(l, needsEscape) {
				t.Fatalf("line %q holds a control character", l)
			}
			if strings.HasPrefix(strings.TrimSpace(l), "::") {
				t.Fatalf("line %q could be read as a workflow command", l)
			}
		}
	})
}

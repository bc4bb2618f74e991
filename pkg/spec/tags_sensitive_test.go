package spec

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A tag is sensitive when its value derives from a sensitive variable;
// when the whole map does (a sensitive map, a key from a sensitive value,
// a function of a sensitive value), every tag is.
func TestTagSensitivity(t *testing.T) {
	cases := []struct {
		name string
		tags string
		want map[string]bool
	}{
		{"one value", `{ owner = "data", team = var.s, purpose = "share" }`, map[string]bool{"owner": false, "purpose": false, "team": true}},
		{"no sensitive value", `{ owner = "data" }`, map[string]bool{"owner": false}},
		{"a sensitive map", `var.m`, map[string]bool{"a": true, "b": true}},
		{"a key from a sensitive value", `{ (var.s) = "x", owner = "data" }`, map[string]bool{"owner": true, "team-Secret-41d9": true}},
		{"merged with a sensitive map", `merge({ owner = "data" }, var.m)`, map[string]bool{"a": true, "b": true, "owner": true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeSpec(t, map[string]string{"main.hcl": `
variable "s" {
  type      = string
  sensitive = true
  default   = "team-Secret-41d9"
}
variable "m" {
  type      = map(string)
  sensitive = true
  default   = { a = "1", b = "2" }
}
bucket "data" {
  name   = "teramot-tags-test"
  region = "us-east-1"
  tags   = ` + tc.tags + `
}
`})
			got := map[string]bool{}
			for _, e := range mustLoad(t, dir, Options{}).Buckets[0].Tags.Entries {
				got[e.Key] = e.Sensitive
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("sensitive tags (-want +got):\n%s", d)
			}
		})
	}
}

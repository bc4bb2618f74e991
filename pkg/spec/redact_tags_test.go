package spec

import (
	"strings"
	"testing"
)

// TestSensitiveTagKeysHidden checks that the keys of a tags map derived from
// a sensitive value are secrets: no TMC703 message quotes them, Redact masks
// them, and the keys of a map written in the spec stay visible.
func TestSensitiveTagKeysHidden(t *testing.T) {
	long := strings.Repeat("v", 300)
	tests := []struct {
		name    string
		tags    string   // the bucket's tags expression
		value   string   // given to the sensitive map(string) variable t
		hidden  []string // in no diagnostic, and masked by Redact
		shown   []string // in a diagnostic
		summary string   // a diagnostic's summary
	}{
		{name: "bad characters in a value", tags: "var.t", value: `{"secretkeyzz"="bad#value"}`,
			hidden: []string{"secretkeyzz", "bad#value"}, shown: []string{"the value of a tag from a sensitive value has other characters"},
			summary: "Invalid tag value"},
		{name: "value too long", tags: "var.t", value: `{"secretkeyzz"="` + long + `"}`,
			hidden: []string{"secretkeyzz", long}, shown: []string{"The value of a tag from a sensitive value has 300 characters"},
			summary: "Tag value too long"},
		{name: "reserved key", tags: "var.t", value: `{"aws:secretkeyzz"="ok"}`,
			hidden: []string{"aws:secretkeyzz"}, shown: []string{"The key of a tag from a sensitive value begins with"},
			summary: "Reserved tag key"},
		{name: "bad characters in a key", tags: "var.t", value: `{"secret#keyzz"="ok"}`,
			hidden: []string{"secret#keyzz"}, shown: []string{"the key has other characters"}, summary: "Invalid tag key"},
		{name: "keys derived in a for expression", tags: `{ for k, v in var.t : "x-${k}" => v }`, value: `{"secretkeyzz"="bad#value"}`,
			hidden: []string{"x-secretkeyzz", "bad#value"}, shown: []string{"a tag from a sensitive value"}, summary: "Invalid tag value"},
		{name: "merged with a written map", tags: `merge({ team = "data" }, var.t)`, value: `{"secretkeyzz"="bad#value"}`,
			hidden: []string{"secretkeyzz", "bad#value"}, shown: []string{"a tag from a sensitive value"}, summary: "Invalid tag value"},
		{name: "written key, sensitive value", tags: `{ team = "data", owner = var.t["o"] }`, value: `{"o"="bad#value"}`,
			hidden: []string{"bad#value"}, shown: []string{"the value of a tag from a sensitive value"}, summary: "Invalid tag value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeSpec(t, map[string]string{"main.hcl": `variable "t" {
  type      = map(string)
  sensitive = true
}
bucket "b" {
  name   = "teramot-tag-keys"
  region = "us-east-1"
  tags   = ` + tt.tags + `
}
`})
			loaded, diags := Load(dir, Options{Environ: []string{EnvPrefix + "t=" + tt.value}})
			text := printDiags(t, loaded, diags)
			found := false
			for _, d := range diags {
				found = found || d.Summary == tt.summary+" (TMC703)" || d.Summary == tt.summary
			}
			if !found {
				t.Errorf("no %q diagnostic in\n%s", tt.summary, text)
			}
			for _, s := range tt.shown {
				if !strings.Contains(text, s) {
					t.Errorf("diagnostics lack %q:\n%s", s, text)
				}
			}
			for _, s := range tt.hidden {
				if strings.Contains(text, s) {
					t.Errorf("diagnostics show %q:\n%s", s, text)
				}
				if got := loaded.Redact("tag " + s + " and \"" + s + "\""); strings.Contains(got, s) {
					t.Errorf("Redact leaves %q: %s", s, got)
				}
			}
		})
	}
}

// TestWrittenTagKeysShown checks the other side: a key written in the spec,
// next to a tag whose value is sensitive, is no secret and Redact keeps it.
func TestWrittenTagKeysShown(t *testing.T) {
	dir := writeSpec(t, map[string]string{"main.hcl": `variable "o" {
  sensitive = true
}
bucket "b" {
  name   = "teramot-tag-keys"
  region = "us-east-1"
  tags   = { teamkey = "data", owner = var.o }
}
`})
	loaded, diags := Load(dir, Options{Vars: []string{"o=ownervalue"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	got := loaded.Redact("teamkey owner ownervalue")
	if want := "teamkey owner (sensitive value)"; got != want {
		t.Errorf("Redact = %q, want %q", got, want)
	}
}

func TestTagsKeysSensitive(t *testing.T) {
	tests := []struct {
		name    string
		entries []*Tag
		keys    bool // Tags.SensitiveKeys
		want    bool
	}{
		{"none", nil, true, false},
		{"map from a sensitive value", []*Tag{{Key: "a", Sensitive: true}, {Key: "b", Sensitive: true}}, true, true},
		// Review rego2 L6: written keys whose values are all sensitive are
		// no secrets ({ secret = var.x } must not redact the word "secret").
		{"written keys, all values sensitive", []*Tag{{Key: "secret", Sensitive: true}}, false, false},
		{"none sensitive", []*Tag{{Key: "a"}}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (Tags{Entries: tt.entries, SensitiveKeys: tt.keys}).KeysSensitive(); got != tt.want {
				t.Errorf("KeysSensitive = %v, want %v", got, tt.want)
			}
		})
	}
}

package rules

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/teramot/teramotc/pkg/spec"
)

// tagKeys is a custom rule that prints the key of every tag.
const tagKeys = `# METADATA
# title: Tag keys
# description: Prints the tag keys.
# custom:
#   id: KEYS001
#   name: tag-keys
#   severity: error
#   remediation: None.
package teramotc.rules.tag_keys

deny contains {"msg": sprintf("tag key %v;", [e.key])} if {
	some b in input.buckets
	some e in b.tags.entries
}
`

// TestRedactionKeepsWords (review rego2 L6): the key of a tag written in
// the spec is no secret, even when its value is (it holds a key, or comes
// from a sensitive variable), so a word equal to it ("secret") stays in
// messages; the sensitive values themselves, and the keys of a map from a
// sensitive value, are still redacted.
func TestRedactionKeepsWords(t *testing.T) {
	const (
		secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
		varValue  = "Qm9vdGxlZ2dlci1vZi1zZWNyZXRz"
		mapKey    = "secretkeyzz"
	)
	policyDir := writePolicyDir(t, map[string]string{"evil.rego": exfiltrate, "keys.rego": tagKeys})
	set, err := Load(context.Background(), Options{PolicyDirs: []string{policyDir}})
	if err != nil {
		t.Fatal(err)
	}
	const want705 = "an AWS secret access key appears in the spec; remove it and rotate the key"
	tests := []struct {
		name   string
		tags   string
		vars   []string
		hidden []string // in no finding
		shown  []string // in some finding
	}{
		{name: "written key, value holds a secret key", tags: `{ secret = "` + secretKey + `" }`,
			hidden: []string{secretKey}, shown: []string{"tag key secret;"}},
		{name: "written key, value from a sensitive variable named like it", tags: `{ secret = var.secret }`,
			vars: []string{"secret=" + varValue}, hidden: []string{varValue}, shown: []string{"value (sensitive value)", "tag key secret;"}},
		{name: "keys of a sensitive map", tags: `var.t`,
			vars: []string{"t={\"" + mapKey + "\"=\"" + varValue + "\"}"}, hidden: []string{mapKey, varValue}, shown: []string{"tag key (sensitive value);"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			src := `variable "secret" {
  type      = string
  sensitive = true
  default   = "unused-default-value"
}

variable "t" {
  type      = map(string)
  sensitive = true
  default   = {}
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
  tags   = ` + tt.tags + `
  # aws_secret_access_key = "` + secretKey + `"
}
`
			if err := os.WriteFile(filepath.Join(dir, "main.hcl"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			res := set.Lint(context.Background(), []string{dir}, LintOptions{Spec: spec.Options{Vars: tt.vars}})[0]
			if res.Diagnostics.HasErrors() {
				t.Fatalf("errors: %s", diagText(res))
			}
			var all strings.Builder
			for _, f := range res.Findings {
				all.WriteString(f.Rule.ID + " " + f.Message + " " + f.Address + "\n")
			}
			text := all.String()
			// The comment's key is a TMC705 finding in every case: its
			// message holds the word the written tag key equals.
			for _, s := range append([]string{want705}, tt.shown...) {
				if !strings.Contains(text, s) {
					t.Errorf("findings lack %q:\n%s", s, text)
				}
			}
			for _, s := range tt.hidden {
				if strings.Contains(text, s) {
					t.Errorf("findings hold %q:\n%s", s, text)
				}
			}
			if strings.Contains(text, "AWS (sensitive value)") {
				t.Errorf("a word of a message was redacted:\n%s", text)
			}
		})
	}
}

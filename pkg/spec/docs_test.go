package spec

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

// TestDocsSpecMatchesSchema checks docs/spec.md against the language: every
// block of the schema has a section, and the attributes in each section's
// table are exactly the attributes the schema accepts.
func TestDocsSpecMatchesSchema(t *testing.T) {
	src, err := os.ReadFile("../../docs/spec.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := map[string]*hcl.BodySchema{
		"teramotc": settingsSchema, "aws": awsSchema, "variable": variableSchema, "validation": validationSchema,
		"bucket": bucketSchema, "public_access_block": publicAccessBlockSchema, "encryption": encryptionSchema,
		"lifecycle_rule": lifecycleRuleSchema, "transition": transitionSchema, "access_logging": accessLoggingSchema,
		"statement": statementSchema, "condition": conditionSchema, "grant": grantSchema, "iam_user": iamUserSchema,
		"cross_account_role": roleSchema, "trail": trailSchema, "revoked_grant": revokedGrantSchema,
	}
	documented := docSections(string(src))
	for name, schema := range blocks {
		attrs, ok := documented[name]
		if !ok {
			t.Errorf("docs/spec.md has no section for block %q", name)
			continue
		}
		var want []string
		for _, a := range schema.Attributes {
			want = append(want, a.Name)
		}
		sort.Strings(want)
		if diff := cmp.Diff(want, attrs); diff != "" {
			t.Errorf("docs/spec.md section %q lists other attributes than the schema (-schema +docs):\n%s", name, diff)
		}
	}
	if _, ok := documented["locals"]; !ok {
		t.Errorf("docs/spec.md has no section for block %q", "locals")
	}
	for _, b := range rootSchema.Blocks {
		if blocks[b.Type] == nil && b.Type != "locals" { // locals takes any attribute name
			t.Errorf("root block %q is missing from this test's table", b.Type)
		}
	}
}

var (
	// A section starts at a heading naming a block (### `bucket "LABEL"`)
	// or at a "Nested `condition` blocks" paragraph.
	sectionRE = regexp.MustCompile("^(?:#{3,4} `([a-z_]+)|Nested `([a-z_]+)` blocks)")
	attrRowRE = regexp.MustCompile("^\\| `([a-z_]+)` \\|")
)

// docSections maps each documented block to the sorted attribute names of
// its table.
func docSections(doc string) map[string][]string {
	out := map[string][]string{}
	current := ""
	for _, line := range strings.Split(doc, "\n") {
		if m := sectionRE.FindStringSubmatch(line); m != nil {
			current = m[1] + m[2]
			if _, ok := out[current]; !ok {
				out[current] = []string{}
			}
			continue
		}
		if strings.HasPrefix(line, "#") {
			current = ""
			continue
		}
		if m := attrRowRE.FindStringSubmatch(line); m != nil && current != "" {
			out[current] = append(out[current], m[1])
		}
	}
	for k := range out {
		sort.Strings(out[k])
	}
	return out
}

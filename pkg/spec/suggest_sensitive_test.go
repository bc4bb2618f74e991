package spec

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSensitiveNearMissesHidden: a value checked against a fixed set
// (principal type, condition operator, permission, action) gets a "Did you
// mean" and names its parts when it is not sensitive. When it comes from a
// sensitive variable, its diagnostics tell nothing about it: they are the
// same, word for word, as those of another invalid sensitive value (no
// suggestion close to it, no service taken from it, no fixed text that the
// redaction cuts where the value occurs).
func TestSensitiveNearMissesHidden(t *testing.T) {
	const grant = `
bucket "data" {
  name   = "teramot-sens-data"
  region = "us-east-1"
}
grant "partner" {
  bucket        = bucket.data
  permissions   = PERMISSIONS
  extra_actions = EXTRA
  iam_user {
    name = "partner"
  }
}
`
	statement := func(principals, actions, condition string) string {
		return `
bucket "data" {
  name   = "teramot-sens-data"
  region = "us-east-1"
  statement "Read" {
    principals = ` + principals + `
    actions    = ` + actions + `
    resources  = ["arn:aws:s3:::teramot-sens-data/*"]
    condition {
      test     = ` + condition + `
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc123"]
    }
  }
}
`
	}
	const (
		aws  = `{ AWS = ["arn:aws:iam::444455556666:root"] }`
		read = `["s3:GetObject"]`
		eq   = `"StringEquals"`
	)
	tests := []struct {
		name         string
		body         string // uses var.v
		value, other string // two invalid values of var.v
		summary      string // a diagnostic with this summary ...
		hint         string // ... has this detail when var.v is not sensitive
	}{
		{"principal type", statement(`{ (var.v) = ["arn:aws:iam::444455556666:root"] }`, read, eq),
			"Servise", "Zzzzzzz", "Invalid principal type", `Did you mean "Service"?`},
		{"condition operator", statement(aws, read, "var.v"),
			"StringEqual", "Zzzzzzzzzzz", "Invalid condition operator", `Did you mean "StringEquals"?`},
		{"condition operator with a qualifier", statement(aws, read, "var.v"),
			"ForAnyValue:StringEqual", "ForAnyValue:Zzzzzzzzzzz", "Invalid condition operator", `Did you mean "StringEquals"?`},
		{"condition operator inside the examples", statement(aws, read, "var.v"),
			"StringLik", "Zzzzzzzzz", "Invalid condition operator", "such as StringEquals, StringLike"},
		{"permission", strings.NewReplacer("PERMISSIONS", "[var.v]", "EXTRA", "[]").Replace(grant),
			"reed", "zzzz", "Invalid permission", `Did you mean "read"?`},
		{"permission among others", strings.NewReplacer("PERMISSIONS", `["list", var.v]`, "EXTRA", "[]").Replace(grant),
			"reed", "zzzz", "Invalid permission", `Did you mean "read"?`},
		{"statement action", statement(aws, "[var.v]", eq),
			"s3:GetObjekt", "sts:Zzzzzzz", "Unknown action", `Did you mean "s3:GetObject"?`},
		{"statement action from a template", statement(aws, `["s3:${var.v}"]`, eq),
			"GetObjekt", "Zzzzzzzzz", "Unknown action", `is not an action of s3. Did you mean "s3:GetObject"?`},
		{"grant extra action", strings.NewReplacer("PERMISSIONS", `["read"]`, "EXTRA", "[var.v]").Replace(grant),
			"s3:GetObjectAcll", "s3:Zzzzzzzzzzzzz", "Unknown action", `Did you mean "s3:GetObjectAcl"?`},
		{"action service", statement(aws, "[var.v]", eq),
			"secretsvc:DoThing", "othersvc:Other", "Unknown action service", `belongs to the service "secretsvc"`},
	}
	load := func(t *testing.T, body, value string, sensitive bool) []string {
		t.Helper()
		decl := "variable \"v\" {\n  default = \"" + value + "\"\n"
		if sensitive {
			decl += "  sensitive = true\n"
		}
		dir := writeSpec(t, map[string]string{"main.hcl": decl + "}\n" + body})
		_, diags := Load(dir, Options{})
		var out []string
		for _, d := range diags {
			out = append(out, d.Summary+": "+d.Detail)
		}
		return out
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			shown := load(t, tc.body, tc.value, false)
			if !hasDiag(shown, tc.summary, tc.hint) {
				t.Fatalf("not sensitive: no %q diagnostic with %q in:\n%s", tc.summary, tc.hint, strings.Join(shown, "\n"))
			}
			hidden := load(t, tc.body, tc.value, true)
			if !hasDiag(hidden, tc.summary, "") {
				t.Fatalf("sensitive: no %q diagnostic in:\n%s", tc.summary, strings.Join(hidden, "\n"))
			}
			for _, d := range hidden {
				if strings.Contains(d, "Did you mean") || strings.Contains(d, tc.value) {
					t.Errorf("sensitive: a diagnostic tells about the value: %s", d)
				}
			}
			if diff := cmp.Diff(load(t, tc.body, tc.other, true), hidden); diff != "" {
				t.Errorf("the diagnostics of two sensitive values differ (-%q +%q):\n%s", tc.other, tc.value, diff)
			}
		})
	}
}

// hasDiag reports whether one of diags ("summary: detail") has summary and
// a detail holding detail.
func hasDiag(diags []string, summary, detail string) bool {
	for _, d := range diags {
		if rest, ok := strings.CutPrefix(d, summary+": "); ok && strings.Contains(rest, detail) {
			return true
		}
	}
	return false
}

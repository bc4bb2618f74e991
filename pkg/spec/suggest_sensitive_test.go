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
		{"region", "bucket \"data\" {\n  name   = \"teramot-region-data\"\n  region = var.v\n}\n",
			"us-est-1", "zz-zzzz-9", "Unknown region", `Did you mean "us-east-1"?`},
		{"malformed region", "bucket \"data\" {\n  name   = \"teramot-region-data\"\n  region = var.v\n}\n",
			"us-east1", "zzzzzzzz", "Invalid region", `Did you mean "us-east-1"?`},
		{"action service", statement(aws, "[var.v]", eq),
			"secretsvc:DoThing", "othersvc:Other", "Action of an unsupported service", `belongs to the service "secretsvc"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			shown := loadWithVar(t, tc.body, tc.value, false)
			if !hasDiag(shown, tc.summary, tc.hint) {
				t.Fatalf("not sensitive: no %q diagnostic with %q in:\n%s", tc.summary, tc.hint, strings.Join(shown, "\n"))
			}
			hidden := loadWithVar(t, tc.body, tc.value, true)
			if !hasDiag(hidden, tc.summary, "") {
				t.Fatalf("sensitive: no %q diagnostic in:\n%s", tc.summary, strings.Join(hidden, "\n"))
			}
			for _, d := range hidden {
				if strings.Contains(d, "Did you mean") || strings.Contains(d, tc.value) {
					t.Errorf("sensitive: a diagnostic tells about the value: %s", d)
				}
			}
			if diff := cmp.Diff(loadWithVar(t, tc.body, tc.other, true), hidden); diff != "" {
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

// TestSensitiveDerivedValuesHidden: checks that print the value they reject
// (days, durations, storage classes, algorithms) print "(sensitive value)"
// for one derived from a sensitive variable, whose text the redaction of the
// variable's own value does not find: their diagnostics are the same for
// two sensitive values.
func TestSensitiveDerivedValuesHidden(t *testing.T) {
	bucket := func(body string) string {
		return `
bucket "data" {
  name   = "teramot-sens-data"
  region = "us-east-1"
` + body + `
}
`
	}
	tests := []struct {
		name, body   string
		value, other string // two values of var.v
		summary      string
		shown        string // the detail's text when var.v is not sensitive
	}{
		{"expiration days", bucket(`  lifecycle_rule "r" { expiration_days = var.v - 10 }`),
			"3", "4", "Invalid expiration_days", "S3 rejects -7."},
		{"transition too early", bucket(`  lifecycle_rule "r" {
    transition {
      days          = var.v + 20
      storage_class = "STANDARD_IA"
    }
  }`), "3", "4", "Transition too early", "this transition says 23."},
		{"transitions out of order", bucket(`  lifecycle_rule "r" {
    transition {
      days          = 90
      storage_class = "STANDARD_IA"
    }
    transition {
      days          = var.v * 20
      storage_class = "GLACIER"
    }
  }`), "3", "4", "Transitions out of order", "GLACIER at 60 days follows STANDARD_IA at 90 days"},
		{"storage class of a transition", bucket(`  lifecycle_rule "r" {
    transition {
      days          = 30
      storage_class = "GLACIER"
    }
    transition {
      days          = 90
      storage_class = upper(var.v)
    }
  }`), "standard_ia", "onezone_ia", "Unsupported transition", "from GLACIER to STANDARD_IA"},
		{"transition too soon after IA", bucket(`  lifecycle_rule "r" {
    transition {
      days          = var.v + 30
      storage_class = "STANDARD_IA"
    }
    transition {
      days          = 40
      storage_class = "GLACIER"
    }
  }`), "3", "4", "Transition too soon after IA", "(day 33); this one is at day 40."},
		{"transition after a sensitive storage class", bucket(`  lifecycle_rule "r" {
    transition {
      days          = 30
      storage_class = upper(var.v)
    }
    transition {
      days          = 90
      storage_class = "STANDARD_IA"
    }
  }`), "glacier", "deep_archive", "Unsupported transition", "Supported next classes after GLACIER"},
		{"expiration before transition", bucket(`  lifecycle_rule "r" {
    expiration_days = var.v + 10
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
  }`), "3", "4", "Expiration before last transition", "expiration_days (13)"},
		{"KMS algorithm", bucket(`  encryption {
    algorithm = lower(var.v)
  }`), "AWS:KMS", "aws:kms:DSSE", "Missing KMS key", `The algorithm "aws:kms" needs`},
		{"session duration", `
bucket "data" {
  name   = "teramot-sens-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]
  cross_account_role {
    name                 = "partner"
    trusted_account_id   = "444455556666"
    external_id          = "ext-id-123456"
    max_session_duration = var.v * 1000
  }
}
`, "2", "1", "Invalid session duration", "max_session_duration is 2000 seconds"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if shown := loadWithVar(t, tc.body, tc.value, false); !hasDiag(shown, tc.summary, tc.shown) {
				t.Fatalf("not sensitive: no %q diagnostic with %q in:\n%s", tc.summary, tc.shown, strings.Join(shown, "\n"))
			}
			hidden := loadWithVar(t, tc.body, tc.value, true)
			if !hasDiag(hidden, tc.summary, RedactedText) {
				t.Fatalf("sensitive: no %q diagnostic with %q in:\n%s", tc.summary, RedactedText, strings.Join(hidden, "\n"))
			}
			if diff := cmp.Diff(loadWithVar(t, tc.body, tc.other, true), hidden); diff != "" {
				t.Errorf("the diagnostics of two sensitive values differ (-%q +%q):\n%s", tc.other, tc.value, diff)
			}
		})
	}
}

// loadWithVar loads body after a variable "v" whose default is value,
// sensitive or not, and returns its diagnostics as "summary: detail".
func loadWithVar(t *testing.T, body, value string, sensitive bool) []string {
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

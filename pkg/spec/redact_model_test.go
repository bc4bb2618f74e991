package spec

import (
	"slices"
	"strings"
	"testing"
)

// TestRedactSensitiveValues: Loaded.Redact replaces the values given to
// sensitive variables and the model's values derived from them, and leaves
// the values of variables that are not sensitive alone.
func TestRedactSensitiveValues(t *testing.T) {
	src := func(sensitive string) string {
		return `variable "partner" {
  type      = string
  sensitive = ` + sensitive + `
}

variable "suffix" {
  type      = string
  sensitive = ` + sensitive + `
  default   = "Zq8v2LmN"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "Partner" {
    principals = { AWS = [var.partner] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/${upper(var.suffix)}/*"]
  }
}
`
	}
	const partner = "arn:aws:iam::444455556666:role/S3cretPartnerRole"
	derived := "arn:aws:s3:::acme-shared-data/ZQ8V2LMN/*"
	tests := []struct {
		name      string
		sensitive string
		text      string
		want      string
	}{
		{"given value", "true", "lets " + partner + " in", "lets (sensitive value) in"},
		{"quoted", "true", `principal "` + partner + `"`, "principal (sensitive value)"},
		{"derived value", "true", "resource " + derived, "resource (sensitive value)"},
		{"default", "true", "suffix Zq8v2LmN", "suffix (sensitive value)"},
		{"other text kept", "true", "bucket acme-shared-data", "bucket acme-shared-data"},
		{"not sensitive", "false", "lets " + partner + " in " + derived, "lets " + partner + " in " + derived},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeSpec(t, map[string]string{"main.hcl": src(tt.sensitive)})
			loaded, diags := Load(dir, Options{Vars: []string{"partner=" + partner}})
			if diags.HasErrors() {
				t.Fatalf("errors:\n%s", diagText(diags))
			}
			if got := loaded.Redact(tt.text); got != tt.want {
				t.Errorf("Redact(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestTrustedPrincipalAccountHidden: the account of a sensitive
// trusted_principal in another account is not named by the diagnostic.
func TestTrustedPrincipalAccountHidden(t *testing.T) {
	for _, sensitive := range []bool{true, false} {
		dir := writeSpec(t, map[string]string{"main.hcl": `variable "partner" {
  type      = string
  sensitive = ` + map[bool]string{true: "true", false: "false"}[sensitive] + `
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "partner-access"
    trusted_account_id = "210987654321"
    trusted_principal  = var.partner
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}
`})
		_, diags := Load(dir, Options{Vars: []string{"partner=arn:aws:iam::999955556666:role/S3cretPartnerRole"}})
		text := diagText(diags)
		if !strings.Contains(text, "Trusted principal in another account") {
			t.Fatalf("sensitive=%v: no diagnostic about the account:\n%s", sensitive, text)
		}
		if strings.Contains(text, "999955556666") == sensitive {
			t.Errorf("sensitive=%v: the diagnostic names the account: %v\n%s", sensitive, !sensitive, text)
		}
		if strings.Contains(text, "S3cretPartnerRole") {
			t.Errorf("sensitive=%v: the diagnostic quotes the ARN:\n%s", sensitive, text)
		}
	}
}

// TestSensitiveStrings: the collector finds the sensitive values wherever
// they sit in an attribute's value (a principal map inside a struct, a
// list), the sensitive tags, and nothing that is not sensitive.
func TestSensitiveStrings(t *testing.T) {
	const acct = "913476520813"
	tests := []struct {
		name, vars, body string
		want             []string
	}{
		{"principal map", "", `statement "P" {
    principals = { AWS = ["arn:aws:iam::111122223333:role/y", "arn:aws:iam::${var.acct}:role/x"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
  }`, []string{"arn:aws:iam::111122223333:role/y", "arn:aws:iam::" + acct + ":role/x"}},
		{"resources list", "", `statement "P" {
    principals = { AWS = ["arn:aws:iam::111122223333:role/y"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/${var.acct}/*"]
  }`, []string{"arn:aws:s3:::acme-shared-data/" + acct + "/*"}},
		{"tag value", "", `tags = { owner = "team-${var.acct}", env = "prod" }`, []string{"team-" + acct}},
		{"tag map whole", `
variable "tags" {
  type      = map(string)
  sensitive = true
  default   = { cost = "c-42" }
}
`, `tags = var.tags`, []string{"c-42", "cost"}},
		{"nothing sensitive", "", `tags = { env = "prod" }`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeSpec(t, map[string]string{"main.hcl": `variable "acct" {
  type      = string
  sensitive = true
  default   = "` + acct + `"
}
` + tt.vars + `
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
  ` + tt.body + `
}
`})
			loaded, diags := Load(dir, Options{})
			if diags.HasErrors() {
				t.Fatalf("errors:\n%s", diagText(diags))
			}
			got := SensitiveStrings(loaded.Spec)
			if !slices.Equal(got, tt.want) {
				t.Errorf("SensitiveStrings = %q, want %q", got, tt.want)
			}
			for _, v := range got {
				if r := loaded.Redact("x " + v + " y"); r != "x "+RedactedText+" y" {
					t.Errorf("Redact does not hide %q: %q", v, r)
				}
			}
		})
	}
}

package spec

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const regionSpec = `
variable "region" {
  type    = string
  default = "us-east-1"
}
bucket "data" {
  name   = "teramot-test-data"
  region = var.region
}
`

func TestVariablePrecedence(t *testing.T) {
	dir := writeSpec(t, map[string]string{
		"main.hcl":        regionSpec,
		"vars/a.tfvars":   `region = "eu-west-1"`,
		"vars/b.tfvars":   `region = "eu-west-2"`,
		"vars/bad.tfvars": `regoin = "eu-west-3"`,
	})
	a, b := dir+"/vars/a.tfvars", dir+"/vars/b.tfvars"
	env := []string{"PATH=/bin", "TERAMOTC_VAR_region=ap-south-1"}
	tests := []struct {
		name       string
		opts       Options
		wantRegion string
		wantSource string
	}{
		{"default", Options{}, "us-east-1", "default"},
		{"env over default", Options{Environ: env}, "ap-south-1", "env"},
		{"var-file over env", Options{Environ: env, VarFiles: []string{a}}, "eu-west-1", "var-file"},
		{"later var-file wins", Options{VarFiles: []string{a, b}}, "eu-west-2", "var-file"},
		{"var over var-file without order", Options{Vars: []string{"region=ca-central-1"}, VarFiles: []string{a}}, "ca-central-1", "var"},
		{"later -var wins", Options{Vars: []string{"region=ca-central-1", "region=sa-east-1"}}, "sa-east-1", "var"},
		{"ordered: var then var-file", Options{Args: []VarArg{{Value: "region=ca-central-1"}, {File: true, Value: a}}}, "eu-west-1", "var-file"},
		{"ordered: var-file then var", Options{Args: []VarArg{{File: true, Value: a}, {Value: "region=ca-central-1"}}}, "ca-central-1", "var"},
		{"value with equals sign", Options{Vars: []string{"region=us-west-2"}}, "us-west-2", "var"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustLoad(t, dir+"/main.hcl", tt.opts)
			b := s.BucketByLabel("data")
			if b.Region.Value != tt.wantRegion || !b.Region.Set {
				t.Errorf("region = %q (set %v), want %q", b.Region.Value, b.Region.Set, tt.wantRegion)
			}
			if got := s.Variables[0].Source; got != tt.wantSource {
				t.Errorf("source = %q, want %q", got, tt.wantSource)
			}
		})
	}
	t.Run("undeclared in var-file warns", func(t *testing.T) {
		loaded, diags := Load(dir+"/main.hcl", Options{VarFiles: []string{dir + "/vars/bad.tfvars"}})
		if diags.HasErrors() || loaded.Spec == nil || len(diags) != 1 {
			t.Fatalf("want one warning, got:\n%s", diagText(diags))
		}
		if !strings.Contains(diags[0].Detail, `Did you mean "region"?`) || diags[0].Subject.Start.Line != 1 {
			t.Errorf("warning = %s", diagText(diags))
		}
	})
	t.Run("undeclared -var errors", func(t *testing.T) {
		_, diags := Load(dir+"/main.hcl", Options{Vars: []string{"regin=x"}})
		if got := summaries(diags); !cmp.Equal(got, []string{"Value for undeclared variable"}) {
			t.Fatalf("got %v", got)
		}
		if !strings.Contains(diags[0].Detail, `Did you mean "region"?`) {
			t.Errorf("detail = %q", diags[0].Detail)
		}
	})
	t.Run("missing var-file", func(t *testing.T) {
		_, diags := Load(dir+"/main.hcl", Options{VarFiles: []string{dir + "/nope.tfvars"}})
		if got := summaries(diags); !cmp.Equal(got, []string{"Cannot read variable file"}) {
			t.Fatalf("got %v", got)
		}
	})
}

func TestVariableTypes(t *testing.T) {
	dir := writeSpec(t, map[string]string{"main.hcl": `
variable "perms" {
  type    = list(string)
  default = ["read"]
}
variable "tags" {
  type    = map(string)
  default = {}
}
variable "days" {
  type    = number
  default = 30
}
variable "anything" {
  default = "x"
}
` + minimalBucket + `
grant "g" {
  bucket      = bucket.data
  permissions = var.perms
  prefix      = "${var.anything}/${var.days}/"
  iam_user {
    name = "partner"
  }
}
`})
	tests := []struct {
		name       string
		vars       []string
		wantPerms  []string
		wantPrefix string
		wantErrors []string
	}{
		{"defaults", nil, []string{"read"}, "x/30/", []string{}},
		{"list from HCL", []string{`perms=["read","list"]`}, []string{"read", "list"}, "x/30/", []string{}},
		{"number literal", []string{"days=7"}, []string{"read"}, "x/7/", []string{}},
		{"any as bare word", []string{"anything=plain"}, []string{"read"}, "plain/30/", []string{}},
		{"bad number", []string{"days=many"}, nil, "", []string{"Invalid value for variable"}},
		{"bad list", []string{"perms=read"}, nil, "", []string{"Invalid value for variable"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loaded, diags := Load(dir, Options{Vars: tt.vars})
			if diff := cmp.Diff(tt.wantErrors, summaries(diags)); diff != "" {
				t.Fatalf("errors (-want +got):\n%s\n%s", diff, diagText(diags))
			}
			if len(tt.wantErrors) > 0 {
				return
			}
			g := loaded.Spec.Grants[0]
			if diff := cmp.Diff(tt.wantPerms, g.Permissions.Value); diff != "" {
				t.Errorf("permissions (-want +got):\n%s", diff)
			}
			if g.Prefix.Value != tt.wantPrefix {
				t.Errorf("prefix = %q, want %q", g.Prefix.Value, tt.wantPrefix)
			}
		})
	}
}

func TestSensitive(t *testing.T) {
	const secret = "tmc-sup3r-s3cret-ext-id"
	dir := writeSpec(t, map[string]string{"main.hcl": `
variable "external_id" {
  type      = string
  sensitive = true
}
variable "suffix" {
  type      = string
  sensitive = true
  default   = "BAD_NAME"
}
` + minimalBucket + `
bucket "other" {
  name   = "teramot-${var.suffix}"
  region = "us-east-1"
  tags = {
    plain  = "x"
    secret = var.external_id
  }
}
bucket "logged" {
  name   = "teramot-logged"
  region = "us-east-1"
  access_logging {
    target_bucket = bucket.other.name
  }
}
grant "g" {
  bucket      = bucket.data
  permissions = ["read"]
  cross_account_role {
    name               = "partner"
    trusted_account_id = "444455556666"
    external_id        = format("%s", lower(var.external_id))
    policy_name        = "plain-policy"
  }
}
`})
	loaded, diags := Load(dir, Options{Vars: []string{"external_id=" + strings.ToUpper(secret)}})
	if got := summaries(diags); !cmp.Equal(got, []string{"Invalid bucket name"}) {
		t.Fatalf("errors = %v", got)
	}
	if strings.Contains(diagText(diags), "BAD_NAME") || strings.Contains(strings.ToLower(diagText(diags)), secret) {
		t.Errorf("a diagnostic shows a sensitive value:\n%s", diagText(diags))
	}
	r := loaded.Spec.Grants[0].Role
	if !r.ExternalID.Sensitive || r.ExternalID.Value != secret {
		t.Errorf("external_id = %+v, want sensitive %q", r.ExternalID, secret)
	}
	if r.PolicyName.Sensitive || r.Name.Sensitive {
		t.Errorf("plain attributes marked sensitive: %+v %+v", r.PolicyName, r.Name)
	}
	if !loaded.Spec.BucketByLabel("other").Name.Sensitive {
		t.Error("bucket name derived from a sensitive variable is not marked sensitive")
	}
	// Only the tag whose value derives from the variable is sensitive.
	if tags := loaded.Spec.BucketByLabel("other").Tags.Entries; tags[0].Sensitive || !tags[1].Sensitive {
		t.Errorf("tags: want only the one from a sensitive variable marked: %+v %+v", tags[0], tags[1])
	}
	if !loaded.Spec.BucketByLabel("logged").AccessLogging.TargetBucket.Sensitive {
		t.Error("target bucket referring to a sensitive name is not marked sensitive")
	}
	if !loaded.Spec.Variables[0].Sensitive.Value {
		t.Error("variable not reported as sensitive")
	}
}

// TestDiagnosticsCarryNoValues checks that evaluation diagnostics do not
// carry the evaluation context, whose values a printer could show.
func TestDiagnosticsCarryNoValues(t *testing.T) {
	dir := writeSpec(t, map[string]string{"main.hcl": `
variable "secret" {
  sensitive = true
  default   = "hunter2"
}
` + minimalBucket + `
locals {
  x = regex("^[0-9]+$", var.secret)
}
`})
	_, diags := Load(dir, Options{})
	if len(diags) == 0 {
		t.Fatal("want a diagnostic")
	}
	for _, d := range diags {
		if d.EvalContext != nil {
			t.Errorf("diagnostic %q carries its evaluation context", d.Summary)
		}
		if strings.Contains(d.Detail, "hunter2") || strings.Contains(d.Summary, "hunter2") {
			t.Errorf("diagnostic shows the sensitive value: %s", d.Detail)
		}
	}
}

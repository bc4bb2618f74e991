package export

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func TestTerraformStructure(t *testing.T) {
	tests := []struct {
		example string
		want    []string // resource "TYPE.NAME" that must exist
		secret  bool
	}{
		{"setup-guide-user", []string{"aws_s3_bucket.data", "aws_s3_bucket_public_access_block.data",
			"aws_s3_bucket_ownership_controls.data", "aws_s3_bucket_server_side_encryption_configuration.data",
			"aws_s3_bucket_versioning.data", "aws_s3_bucket_lifecycle_configuration.data", "aws_s3_bucket_logging.data",
			"aws_s3_bucket_policy.data", "aws_s3_bucket.logs", "aws_s3_bucket_policy.logs", "aws_iam_policy.teramot",
			"aws_iam_user.teramot", "aws_iam_user_policy_attachment.teramot", "aws_cloudtrail.teramot_data"}, false},
		{"setup-guide-role", []string{"aws_iam_role.teramot", "aws_iam_role_policy_attachment.teramot",
			"aws_iam_policy.teramot", "aws_cloudtrail.teramot_data"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.example, func(t *testing.T) {
			s, out := load(t, tc.example)
			src, err := Terraform(s, out)
			if err != nil {
				t.Fatal(err)
			}
			f, diags := hclparse.NewParser().ParseHCL(src, "main.tf")
			if diags.HasErrors() {
				t.Fatalf("output does not parse: %s\n%s", diags.Error(), src)
			}
			blocks := map[string]*hclsyntax.Block{}
			vars := map[string]*hclsyntax.Block{}
			for _, b := range f.Body.(*hclsyntax.Body).Blocks {
				switch b.Type {
				case "resource":
					blocks[b.Labels[0]+"."+b.Labels[1]] = b
				case "variable":
					vars[b.Labels[0]] = b
				}
			}
			for _, w := range tc.want {
				if blocks[w] == nil {
					t.Errorf("missing resource %s", w)
				}
			}
			bucket := blocks["aws_s3_bucket.data"]
			if v := literal(t, bucket.Body.Attributes["bucket"]); v != "teramot-data-acme" {
				t.Errorf("aws_s3_bucket.data bucket = %q", v)
			}
			trail := blocks["aws_cloudtrail.teramot_data"]
			if got := traversal(trail.Body.Attributes["s3_bucket_name"]); got != "aws_s3_bucket.logs.id" {
				t.Errorf("trail s3_bucket_name = %q", got)
			}
			if len(trail.Body.Blocks) != 1 || trail.Body.Blocks[0].Type != "event_selector" {
				t.Errorf("trail has no event_selector block")
			}
			if tc.secret {
				v := vars["external_id_teramot"]
				if v == nil || literalBool(t, v.Body.Attributes["sensitive"]) != true {
					t.Fatalf("no sensitive variable for the external id")
				}
				if strings.Contains(string(src), s.Grants[0].Role.ExternalID.Value) {
					t.Errorf("output contains the sensitive external id")
				}
				if !strings.Contains(string(src), "var.external_id_teramot") {
					t.Errorf("trust policy does not reference var.external_id_teramot")
				}
			}
		})
	}
}

func literal(t *testing.T, a *hclsyntax.Attribute) string {
	t.Helper()
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() {
		t.Fatalf("%s: %s", a.Name, diags.Error())
	}
	return v.AsString()
}

func literalBool(t *testing.T, a *hclsyntax.Attribute) bool {
	t.Helper()
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() {
		t.Fatalf("%s: %s", a.Name, diags.Error())
	}
	return v.True()
}

func traversal(a *hclsyntax.Attribute) string {
	tr, diags := hcl.AbsTraversalForExpr(a.Expr)
	if diags.HasErrors() {
		return ""
	}
	var parts []string
	for _, s := range tr {
		switch s := s.(type) {
		case hcl.TraverseRoot:
			parts = append(parts, s.Name)
		case hcl.TraverseAttr:
			parts = append(parts, s.Name)
		}
	}
	return strings.Join(parts, ".")
}

package spec

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
)

func TestSecureDefaults(t *testing.T) {
	s := mustLoad(t, writeSpec(t, map[string]string{"main.hcl": minimalBucket}), Options{})
	b := s.Buckets[0]
	decl := b.DeclRange
	if decl.Start.Line != 2 || b.Address != "bucket.data" {
		t.Fatalf("decl = %v, address %q", decl, b.Address)
	}
	unsetBool := Attr[bool]{Value: true, Range: decl}
	for name, got := range map[string]Attr[bool]{
		"block_public_access": b.BlockPublicAccess, "block_public_acls": b.BlockPublicAcls,
		"ignore_public_acls": b.IgnorePublicAcls, "block_public_policy": b.BlockPublicPolicy,
		"restrict_public_buckets": b.RestrictPublicBuckets, "require_tls": b.RequireTLS,
		"versioning": b.Versioning, "require_encrypted_uploads": b.Encryption.RequireEncryptedUploads,
	} {
		if diff := cmp.Diff(unsetBool, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
	if diff := cmp.Diff(Attr[string]{Value: "BucketOwnerEnforced", Range: decl}, b.ObjectOwnership); diff != "" {
		t.Errorf("object_ownership:\n%s", diff)
	}
	if diff := cmp.Diff(Attr[string]{Value: "AES256", Range: decl}, b.Encryption.Algorithm); diff != "" {
		t.Errorf("algorithm:\n%s", diff)
	}
	if b.Encryption.Declared || b.Encryption.BucketKey.Value || b.PublicAccessBlockDecl != nil || b.AccessLogging != nil {
		t.Errorf("unexpected encryption/logging state: %+v", b.Encryption)
	}
	if b.LifecycleRules == nil || b.Statements == nil || b.Tags.Entries == nil {
		t.Error("empty lists must be empty slices, not nil")
	}
	if s.AWS.Declared || s.AWS.Partition.Value != "aws" {
		t.Errorf("aws = %+v", s.AWS)
	}
}

func TestDefaultsOfBlocks(t *testing.T) {
	dir := writeSpec(t, map[string]string{"main.hcl": `
bucket "data" {
  name   = "teramot-test-data"
  region = "us-east-1"
  public_access_block {
    block_public_policy = false
  }
  encryption {
    algorithm   = "aws:kms"
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
  lifecycle_rule "Old" {
    expiration_days = 400
  }
  statement "OrgRead" {
    principals = "*"
    actions    = ["s3:Get*"]
    resources  = ["arn:aws:s3:::teramot-test-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc123"]
    }
  }
  statement "Partners" {
    principals = { AWS = ["arn:aws:iam::555566667777:root", "arn:aws:iam::444455556666:root"], Service = "logging.s3.amazonaws.com" }
    actions    = ["s3:ListBucket"]
    resources  = ["arn:aws:s3:::teramot-test-data"]
  }
}
bucket "open" {
  name                = "teramot-test-open"
  region              = "us-east-1"
  block_public_access = false
}
grant "g" {
  bucket      = bucket.data
  permissions = ["read"]
  cross_account_role {
    name               = "partner"
    trusted_account_id = "444455556666"
    external_id        = "tmc-4f1c9a7e2b8d4c6f"
  }
}
trail "audit" {
  bucket     = bucket.data
  log_bucket = "teramot-test-logs"
}
`})
	s := mustLoad(t, dir, Options{})
	b := s.BucketByLabel("data")
	if b.PublicAccessBlockDecl == nil || b.PublicAccessBlockDecl.Address != "bucket.data.public_access_block" {
		t.Fatalf("public_access_block decl = %+v", b.PublicAccessBlockDecl)
	}
	pabDecl := b.PublicAccessBlockDecl.DeclRange
	if got := b.BlockPublicPolicy; got.Value || !got.Set {
		t.Errorf("block_public_policy = %+v, want false and set", got)
	}
	if diff := cmp.Diff(Attr[bool]{Value: true, Range: pabDecl}, b.BlockPublicAcls); diff != "" {
		t.Errorf("block_public_acls defaults to true in its block:\n%s", diff)
	}
	if !b.Encryption.BucketKey.Value || b.Encryption.BucketKey.Set {
		t.Errorf("bucket_key = %+v, want default true with aws:kms", b.Encryption.BucketKey)
	}
	r := b.LifecycleRules[0]
	if r.Address != "bucket.data.lifecycle_rule.Old" || !r.Enabled.Value || r.Enabled.Set {
		t.Errorf("lifecycle rule = %+v", r)
	}
	org, partners := b.Statements[0], b.Statements[1]
	if org.Address != "bucket.data.statement.OrgRead" || org.Effect.Value != "Allow" || org.Effect.Set {
		t.Errorf("statement = %+v", org)
	}
	if !org.Principals.Value.Wildcard || len(org.Principals.Value.Map) != 0 {
		t.Errorf("principals = %+v, want wildcard", org.Principals.Value)
	}
	want := map[string][]string{
		"AWS":     {"arn:aws:iam::444455556666:root", "arn:aws:iam::555566667777:root"},
		"Service": {"logging.s3.amazonaws.com"},
	}
	if diff := cmp.Diff(want, partners.Principals.Value.Map); diff != "" || partners.Principals.Value.Wildcard {
		t.Errorf("principals (-want +got):\n%s", diff)
	}
	open := s.BucketByLabel("open")
	for _, f := range []Attr[bool]{open.BlockPublicAcls, open.IgnorePublicAcls, open.BlockPublicPolicy, open.RestrictPublicBuckets} {
		if f.Value || !f.Set || f.Range != open.BlockPublicAccess.Range {
			t.Errorf("flag = %+v, want false from block_public_access", f)
		}
	}
	role := s.Grants[0].Role
	roleDecl := role.DeclRange
	wantRole := []any{
		Attr[string]{Value: "root", Range: roleDecl}, Attr[int]{Value: 3600, Range: roleDecl},
		Attr[string]{Value: "/", Range: roleDecl}, Attr[string]{Value: "g-s3-access", Range: roleDecl},
	}
	gotRole := []any{role.TrustedPrincipal, role.MaxSessionDuration, role.Path, role.PolicyName}
	if diff := cmp.Diff(wantRole, gotRole); diff != "" {
		t.Errorf("role defaults (-want +got):\n%s", diff)
	}
	tr := s.Trails[0]
	for name, a := range map[string]Attr[bool]{"read": tr.ReadEvents, "write": tr.WriteEvents, "multi": tr.MultiRegion, "validation": tr.LogFileValidation} {
		if !a.Value || a.Set || a.Range != tr.DeclRange {
			t.Errorf("trail %s = %+v", name, a)
		}
	}
	if tr.LogBucket.Value != "teramot-test-logs" || tr.LogBucketRef != "" || tr.Bucket.Value != "data" {
		t.Errorf("trail = %+v", tr)
	}
}

func TestReferences(t *testing.T) {
	dir := writeSpec(t, map[string]string{
		"a.hcl": `
locals {
  prefix = "teramot-test"
  data   = bucket.data
  both   = "${local.data.name}+${bucket.logs.arn}"
}
aws {
  partition = "aws-cn"
}
`,
		"b.hcl": `
bucket "data" {
  name   = "${local.prefix}-data"
  region = bucket.logs.region
  access_logging {
    target_bucket = bucket.logs.name
  }
  tags = {
    both  = local.both
    label = local.data.label
  }
}
bucket "logs" {
  name   = "${local.prefix}-logs"
  region = "cn-north-1"
}
trail "audit" {
  bucket     = bucket.data
  log_bucket = bucket.logs
}
`})
	s := mustLoad(t, dir, Options{})
	if got, want := s.Files, []string{dir + "/a.hcl", dir + "/b.hcl"}; !cmp.Equal(got, want) {
		t.Errorf("files = %v, want %v", got, want)
	}
	d := s.BucketByLabel("data")
	got := map[string]string{"name": d.Name.Value, "region": d.Region.Value, "target": d.AccessLogging.TargetBucket.Value,
		"target_ref": d.AccessLogging.TargetRef, "log_ref": s.Trails[0].LogBucketRef, "log": s.Trails[0].LogBucket.Value}
	for _, tag := range d.Tags.Entries {
		got["tag."+tag.Key] = tag.Value
	}
	want := map[string]string{
		"name": "teramot-test-data", "region": "cn-north-1", "target": "teramot-test-logs", "target_ref": "logs",
		"log_ref": "logs", "log": "teramot-test-logs",
		"tag.both": "teramot-test-data+arn:aws-cn:s3:::teramot-test-logs", "tag.label": "data",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if tag := d.Tags.Entries[0]; tag.Range.Filename != dir+"/b.hcl" || tag.Range.Start.Line != 9 {
		t.Errorf("tag range = %v", tag.Range)
	}
	if got := []string{s.Locals[0].Name, s.Locals[1].Name, s.Locals[2].Name}; !cmp.Equal(got, []string{"prefix", "data", "both"}) {
		t.Errorf("locals = %v", got)
	}
}

func TestCycles(t *testing.T) {
	tests := []struct {
		name, src  string
		wantDetail string
	}{
		{"three locals", `locals {
  a = local.b
  b = local.c
  c = local.a
}` + minimalBucket, "local.a -> local.b -> local.c -> local.a"},
		{"local and bucket", `locals {
  n = bucket.data.name
}
bucket "data" {
  name   = local.n
  region = "us-east-1"
}`, "local.n -> bucket.data.name -> local.n"},
		{"bucket name from its own arn", `bucket "data" {
  name   = "x${bucket.data.arn}"
  region = "us-east-1"
}`, "bucket.data.name -> bucket.data.name"},
		{"aws and bucket", `aws {
  account_id = substr(bucket.data.arn, 0, 12)
}` + minimalBucket, "aws -> bucket.data.name -> aws"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(writeSpec(t, map[string]string{"main.hcl": tt.src}), Options{})
			var cycle *hcl.Diagnostic
			for _, d := range diags {
				if d.Summary == "Reference cycle" {
					cycle = d
				}
			}
			if cycle == nil {
				t.Fatalf("no cycle diagnostic:\n%s", diagText(diags))
			}
			if !strings.Contains(cycle.Detail, tt.wantDetail) {
				t.Errorf("detail = %q, want it to name %q", cycle.Detail, tt.wantDetail)
			}
		})
	}
}

// TestForExpressions checks that iterator names of for expressions are not
// taken for references.
func TestForExpressions(t *testing.T) {
	dir := writeSpec(t, map[string]string{"main.hcl": `
locals {
  names = [for b in ["x", "y"] : upper(b)]
  m     = { for k, v in { a = 1 } : k => v }
  s     = join(",", [for n in local.names : "${n}!" if n != "Y"])
  sp    = [{ n = 1 }][*].n
}
bucket "data" {
  name   = "teramot-test-data"
  region = "us-east-1"
  tags   = { s = local.s, m = jsonencode(local.m), sp = jsonencode(local.sp) }
}`})
	got := map[string]string{}
	for _, e := range loadTagText(t, dir, Options{}).Buckets[0].Tags.Entries {
		got[e.Key] = e.Value
	}
	want := map[string]string{"s": "X!", "m": `{"a":1}`, "sp": "[1]"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tags (-want +got):\n%s", diff)
	}
}

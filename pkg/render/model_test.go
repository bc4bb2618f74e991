package render

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/teramot/teramotc/pkg/spec"
)

// Hand-built models of the examples, so that render is tested on its own,
// independently of the spec loader. Line numbers are approximate.

func at(line int) hcl.Range {
	return hcl.Range{Filename: "main.hcl",
		Start: hcl.Pos{Line: line, Column: 1, Byte: line * 10},
		End:   hcl.Pos{Line: line, Column: 20, Byte: line*10 + 19}}
}

func set[T any](v T, line int) spec.Attr[T] {
	return spec.Attr[T]{Value: v, Range: at(line), Set: true}
}

func def[T any](v T, b spec.Block) spec.Attr[T] {
	return spec.Attr[T]{Value: v, Range: b.DeclRange}
}

func block(addr string, line int) spec.Block {
	return spec.Block{Address: addr, DeclRange: at(line), Range: at(line)}
}

// defaultBucket is a bucket with only name and region, all defaults applied.
func defaultBucket(label, name string, line int) *spec.Bucket {
	b := &spec.Bucket{Block: block("bucket."+label, line), Label: label}
	b.Name = set(name, line+1)
	b.Region = set("us-east-1", line+2)
	b.BlockPublicAccess = def(true, b.Block)
	b.BlockPublicAcls = def(true, b.Block)
	b.IgnorePublicAcls = def(true, b.Block)
	b.BlockPublicPolicy = def(true, b.Block)
	b.RestrictPublicBuckets = def(true, b.Block)
	b.ObjectOwnership = def("BucketOwnerEnforced", b.Block)
	b.Encryption = spec.Encryption{Block: b.Block}
	b.Encryption.Algorithm = def("AES256", b.Block)
	b.Encryption.BucketKey = def(false, b.Block)
	b.Encryption.RequireEncryptedUploads = def(true, b.Block)
	b.RequireTLS = def(true, b.Block)
	b.Versioning = def(true, b.Block)
	return b
}

func minimalModel() *spec.Spec {
	s := &spec.Spec{Root: ".", Files: []string{"main.hcl"}}
	s.AWS.Partition = spec.Attr[string]{Value: "aws"}
	s.Buckets = []*spec.Bucket{defaultBucket("data", "teramot-minimal-example", 5)}
	return s
}

// guideModel mirrors examples/setup-guide-user (role false) and
// examples/setup-guide-role (role true).
func guideModel(role bool) *spec.Spec {
	s := &spec.Spec{Root: ".", Files: []string{"main.hcl", "variables.hcl"}}
	s.AWS = spec.AWS{Block: block("aws", 4), Declared: true,
		AccountID: set("111122223333", 5), Partition: spec.Attr[string]{Value: "aws", Range: at(4)}}

	data := defaultBucket("data", "teramot-data-acme", 9)
	data.BlockPublicAccess = set(true, 13)
	data.ObjectOwnership = set("BucketOwnerEnforced", 14)
	data.Encryption.Block = block("bucket.data.encryption", 16)
	data.Encryption.Declared = true
	data.Encryption.Algorithm = set("AES256", 17)
	data.Encryption.RequireEncryptedUploads = set(true, 18)
	data.Versioning = set(true, 21)
	rule := &spec.LifecycleRule{Block: block("bucket.data.lifecycle_rule.TeramotDataLifecycle", 23), ID: "TeramotDataLifecycle"}
	rule.Enabled = def(true, rule.Block)
	rule.Prefix = def("", rule.Block)
	rule.Transitions = []*spec.Transition{
		{Block: block("bucket.data.lifecycle_rule.TeramotDataLifecycle.transition[0]", 24), Days: set(30, 25), StorageClass: set("STANDARD_IA", 26)},
		{Block: block("bucket.data.lifecycle_rule.TeramotDataLifecycle.transition[1]", 28), Days: set(90, 29), StorageClass: set("GLACIER", 30)},
	}
	data.LifecycleRules = []*spec.LifecycleRule{rule}
	data.AccessLogging = &spec.AccessLogging{Block: block("bucket.data.access_logging", 34),
		TargetBucket: set("acme-teramot-logs", 35), TargetRef: "logs", TargetPrefix: set("teramot-data/", 36)}
	data.Tags = spec.Tags{Range: at(39), Set: true, Entries: []*spec.Tag{
		{Key: "owner", Value: "data-platform", Range: at(40)},
		{Key: "purpose", Value: "teramot-data-sharing", Range: at(41)},
	}}

	logs := defaultBucket("logs", "acme-teramot-logs", 47)
	logs.Encryption.Block = block("bucket.logs.encryption", 51)
	logs.Encryption.Declared = true
	logs.Encryption.Algorithm = set("AES256", 52)
	logs.Encryption.RequireEncryptedUploads = def(true, logs.Encryption.Block)
	exp := &spec.LifecycleRule{Block: block("bucket.logs.lifecycle_rule.ExpireLogs", 57), ID: "ExpireLogs"}
	exp.Enabled = def(true, exp.Block)
	exp.Prefix = def("", exp.Block)
	exp.ExpirationDays = set(365, 58)
	exp.NoncurrentExpirationDays = set(30, 59)
	exp.AbortIncompleteUploadDays = set(7, 60)
	logs.LifecycleRules = []*spec.LifecycleRule{exp}
	s.Buckets = []*spec.Bucket{data, logs}

	g := &spec.Grant{Block: block("grant.teramot", 65), Label: "teramot",
		Bucket:      set("data", 66),
		Permissions: set([]string{"read", "write", "delete", "list"}, 67)}
	g.ExtraActions = def([]string(nil), g.Block)
	g.Prefix = def("", g.Block)
	if role {
		r := &spec.CrossAccountRole{Block: block("grant.teramot.cross_account_role", 69)}
		r.Name = set("teramot-access", 70)
		r.Path = def("/", r.Block)
		r.TrustedAccountID = set("210987654321", 71)
		r.TrustedPrincipal = set("root", 72)
		r.ExternalID = set("tmc-7f3a9c2e-acme-4b1d-9e55", 73)
		r.ExternalID.Sensitive = true
		r.MaxSessionDuration = set(3600, 74)
		r.PolicyName = set("teramot-s3-access", 75)
		g.Role = r
	} else {
		u := &spec.IAMUser{Block: block("grant.teramot.iam_user", 69)}
		u.Name = set("teramot-service-user", 70)
		u.Path = def("/", u.Block)
		u.PolicyName = set("teramot-s3-access", 71)
		u.CreateAccessKey = def(false, u.Block)
		g.IAMUser = u
	}
	s.Grants = []*spec.Grant{g}

	t := &spec.Trail{Block: block("trail.teramot-data", 80), Label: "teramot-data",
		Bucket: set("data", 81), LogBucket: set("acme-teramot-logs", 82), LogBucketRef: "logs",
		LogPrefix: set("teramot", 83), ReadEvents: set(true, 84), WriteEvents: set(true, 85)}
	t.MultiRegion = def(true, t.Block)
	t.LogFileValidation = def(true, t.Block)
	t.KMSKeyARN = def("", t.Block)
	t.ManagementEvents = def(true, t.Block)
	s.Trails = []*spec.Trail{t}
	return s
}

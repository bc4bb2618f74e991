package benchgen

import "fmt"

// kmsKey is a key ARN in region %s (S3 needs a key of the bucket's
// region, TMC202), numbered by %012d.
const kmsKey = "arn:aws:kms:%s:111122223333:key/1234abcd-12ab-34cd-56ef-%012d"

func (g *gen) bucket(b int, region string, useVars, withLogs bool) {
	label := fmt.Sprintf("data%d", b)
	name := g.plainName(label)
	g.p("bucket %q {\n  name   = %s\n  region = %s\n\n", label, g.name(label, useVars), g.regionExpr(region, useVars))
	publicPolicy := false
	switch {
	case g.defect(4):
		// A wildcard principal below needs block_public_policy off, or
		// AWS would reject the policy (a hard error).
		publicPolicy = true
		g.p("  public_access_block {\n    block_public_policy     = false\n    restrict_public_buckets = false\n  }\n\n")
	case g.defect(6):
		g.p("  block_public_access = false\n\n")
	case g.chance(2):
		g.p("  block_public_access = true\n")
	}
	if g.defect(5) {
		g.p("  object_ownership = \"BucketOwnerPreferred\"\n")
	} else if g.chance(2) {
		g.p("  object_ownership = \"BucketOwnerEnforced\"\n")
	}
	g.encryption(region)
	if g.defect(4) {
		g.p("  versioning = false\n")
	} else if g.chance(2) {
		g.p("  versioning = true\n")
	}
	if g.defect(8) {
		g.p("  require_tls = false\n")
	}
	for k := range g.r.IntN(3) {
		g.lifecycle(k)
	}
	if withLogs && !g.defect(3) {
		target := "bucket.logs.name"
		if g.logTarget != "" {
			target = g.logTarget
		}
		g.p("\n  access_logging {\n    target_bucket = %s\n    target_prefix = \"%s/\"\n  }\n", target, label)
	}
	for k := range g.r.IntN(3) {
		g.statement(k, name, publicPolicy && k == 0)
	}
	if n := g.r.IntN(5); n > 0 {
		g.p("\n  tags = {\n")
		for t := range n {
			g.p("    tag%d = \"value-%d-%d\"\n", t, g.i, t)
		}
		g.p("  }\n")
	}
	g.p("}\n\n")
}

func (g *gen) encryption(region string) {
	switch g.r.IntN(4) {
	case 0: // the defaults
	case 1:
		g.p("\n  encryption {\n    algorithm                 = \"AES256\"\n    require_encrypted_uploads = %t\n  }\n", !g.defect(3))
	default:
		g.p("\n  encryption {\n    algorithm   = \"aws:kms\"\n    kms_key_arn = \""+kmsKey+"\"\n", region, g.i)
		if !g.defect(3) {
			g.p("    bucket_key  = true\n")
		}
		g.p("  }\n")
	}
}

var waterfalls = [][]struct {
	days  int
	class string
}{
	{{30, "STANDARD_IA"}, {90, "GLACIER"}},
	{{30, "STANDARD_IA"}, {90, "GLACIER"}, {270, "DEEP_ARCHIVE"}},
	{{0, "INTELLIGENT_TIERING"}, {90, "GLACIER_IR"}},
	{{60, "ONEZONE_IA"}, {120, "GLACIER"}},
	{{90, "GLACIER_IR"}},
}

func (g *gen) lifecycle(k int) {
	g.p("\n  lifecycle_rule \"Rule%d\" {\n", k)
	if k > 0 {
		g.p("    prefix = \"part%d/\"\n", k)
	}
	w := waterfalls[g.r.IntN(len(waterfalls))]
	for _, t := range w {
		g.p("    transition {\n      days          = %d\n      storage_class = %q\n    }\n", t.days, t.class)
	}
	last := w[len(w)-1].days
	if g.defect(3) {
		// Leaves GLACIER-class storage before its minimum duration (TMC305).
		g.p("    expiration_days = %d\n", last+30)
	} else if g.chance(2) {
		g.p("    expiration_days = %d\n", last+365)
	}
	if g.chance(2) {
		g.p("    noncurrent_expiration_days   = %d\n", 30+g.r.IntN(60))
	}
	if g.chance(2) {
		g.p("    abort_incomplete_upload_days = 7\n")
	}
	g.p("  }\n")
}

func (g *gen) statement(k int, bucket string, public bool) {
	g.p("\n  statement \"Stmt%d\" {\n", k)
	if g.chance(5) && !public {
		g.p("    # teramotc:ignore TMC501 -- generated suppression for the benchmark\n")
	}
	switch {
	case public:
		g.p("    principals = \"*\"\n")
	default:
		g.p("    principals = { AWS = [\"arn:aws:iam::%012d:role/analytics%d\"] }\n", 444455550000+g.i, k)
	}
	actions := `["s3:GetObject"]`
	if g.defect(3) {
		actions = `["s3:*"]`
	}
	g.p("    actions    = %s\n    resources  = [\"arn:aws:s3:::%s/reports%d/*\"]\n", actions, bucket, k)
	if g.chance(2) {
		g.p("    condition {\n      test     = \"StringEquals\"\n      variable = \"aws:PrincipalOrgID\"\n      values   = [\"o-exampleorg%d\"]\n    }\n", g.i)
	}
	g.p("  }\n")
}

// logsBucket writes the log bucket the data buckets and trails log to (a
// declared log target: TMC401 exempts it).
func (g *gen) logsBucket(region string, useVars bool) {
	g.p("bucket \"logs\" {\n  name   = %s\n  region = %s\n\n", g.name("logs", useVars), g.regionExpr(region, useVars))
	g.p("  encryption {\n    algorithm = \"AES256\"\n    # teramotc:ignore TMC201 -- log delivery cannot send the SSE header\n    require_encrypted_uploads = false\n  }\n\n")
	g.p("  lifecycle_rule \"ExpireLogs\" {\n    expiration_days              = 365\n    noncurrent_expiration_days   = 30\n    abort_incomplete_upload_days = 7\n  }\n}\n\n")
}

var permissionSets = []string{
	`["read"]`, `["read", "list"]`, `["read", "write", "list"]`, `["read", "write", "delete", "list"]`,
}

func (g *gen) grant(k, bucket int, useVars bool) {
	g.p("grant \"partner%d\" {\n  bucket      = bucket.data%d\n  permissions = %s\n", k, bucket, permissionSets[g.r.IntN(len(permissionSets))])
	if g.chance(3) {
		g.p("  prefix      = \"partner%d/\"\n", k)
	}
	if g.defect(4) {
		g.p("  extra_actions = [\"s3:GetObject*\"]\n")
	}
	if !g.crossOnly && g.chance(3) {
		g.p("\n  iam_user {\n    name        = \"partner%d-%s\"\n    policy_name = \"partner%d-s3-access\"\n  }\n}\n\n", k, g.co, k)
		return
	}
	g.p("\n  cross_account_role {\n    name               = \"partner%d-access\"\n", k)
	g.p("    trusted_account_id = \"%012d\"\n", 210987650000+g.i*4+k)
	if g.chance(2) {
		g.p("    trusted_principal  = \"arn:aws:iam::%012d:role/reader\"\n", 210987650000+g.i*4+k)
	}
	switch {
	case g.defect(3):
		g.p("    external_id        = \"your-unique-external-id\"\n")
	case useVars && k == 0:
		g.p("    external_id        = var.external_id\n")
	default:
		g.p("    external_id        = \"ext-%016x\"\n", g.r.Uint64())
	}
	if g.chance(3) {
		g.p("    max_session_duration = %d\n", 3600*(1+g.r.IntN(4)))
	}
	g.p("  }\n}\n\n")
}

// trail writes a trail of data bucket `bucket`; its KMS key is in region,
// the log bucket's (TMC202).
func (g *gen) trail(bucket int, withLogs bool, region string) {
	g.p("trail \"audit\" {\n  bucket       = bucket.data%d\n", bucket)
	if withLogs {
		g.p("  log_bucket   = bucket.logs.name\n")
	} else {
		g.p("  log_bucket   = \"%s\"\n", g.plainName("trail-logs"))
	}
	g.p("  log_prefix   = \"audit\"\n  read_events  = true\n  write_events = %t\n", !g.defect(3))
	if g.defect(4) {
		g.p("  multi_region = false\n")
	}
	if g.chance(3) {
		g.p("  kms_key_arn  = \""+kmsKey+"\"\n", region, g.i)
	}
	g.p("}\n")
}

# "*" narrowed by fixed values of non-public keys, fixed principals, a Deny
# to "*", and the log delivery service statements teramotc renders.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  access_logging {
    target_bucket = bucket.logs.name
    target_prefix = "data/"
  }

  statement "OrgRead" {
    principals = "*"
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }

  statement "EndpointList" {
    principals = { AWS = ["*"] }
    actions    = ["s3:ListBucket"]
    resources  = ["arn:aws:s3:::acme-shared-data"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-1a2b3c4d"]
    }
  }

  statement "AnalyticsRead" {
    principals = { AWS = ["arn:aws:iam::444455556666:role/analytics"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/reports/*"]
  }

  statement "DenyOutsideOrg" {
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringNotEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

bucket "logs" {
  name   = "acme-shared-logs"
  region = "us-east-1"
}

trail "data" {
  bucket     = bucket.data
  log_bucket = bucket.logs.name
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read", "list"]

  cross_account_role {
    name               = "partner-access"
    trusted_account_id = "444455556666"
    external_id        = "Zq8v2LmT4kRx9WbN7cJd"
  }
}

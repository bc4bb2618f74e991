# A hand-written statement that lets another account in gives access outside
# the grants: no prefix, no external id, no revoked_grant (review-adopt
# F-statement-bypass). And one version finding per grant (F-dup-findings):
# s3:* of extra_actions lands on the bucket ARN, where it reads no version.
aws {
  account_id = "123456789012"
}

bucket "data" {
  name   = "acme-r1"
  region = "us-east-1"

  statement "PartnerRead" { # want: TMC510
    principals = { AWS = ["arn:aws:iam::307946518231:root"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-r1/*"]
  }

  statement "OrgRead" { # want: TMC510
    principals = { AWS = "*" }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-r1/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc123def4"]
    }
  }
}

grant "gamma" {
  bucket        = bucket.data
  permissions   = ["read", "list"]
  extra_actions = ["s3:GetObjectVersion", "s3:*"] # want: TMC510

  iam_user {
    name = "gamma-reader"
  }
}

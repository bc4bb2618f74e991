# Explicit actions; a Deny of s3:* is fine.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  statement "AnalyticsRead" {
    principals = { AWS = ["arn:aws:iam::444455556666:role/analytics"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-teramot-data/reports/*"]
  }

  statement "DenyOutsideVpce" {
    effect     = "Deny"
    principals = { AWS = ["arn:aws:iam::444455556666:role/analytics"] }
    actions    = ["s3:*"]
    resources  = ["arn:aws:s3:::acme-teramot-data/*"]
    condition {
      test     = "StringNotEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-1a2b3c4d"]
    }
  }
}

grant "partner" {
  bucket        = bucket.data
  permissions   = ["read"]
  extra_actions = ["s3:GetObjectVersion"]

  cross_account_role {
    name               = "partner-access"
    trusted_account_id = "210987654321"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

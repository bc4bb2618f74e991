# The partner could rewrite object ACLs and the bucket policy.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  statement "AnalyticsAdmin" {
    principals = { AWS = ["arn:aws:iam::444455556666:role/analytics"] }
    actions    = ["s3:PutBucketPolicy"] # want: TMC505
    resources  = ["arn:aws:s3:::acme-teramot-data"]
  }
}

grant "partner" {
  bucket        = bucket.data
  permissions   = ["read", "write"]
  extra_actions = ["s3:PutObjectAcl"] # want: TMC505

  cross_account_role {
    name               = "partner-access"
    trusted_account_id = "210987654321"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

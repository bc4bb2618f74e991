# S3 API operation names that are not IAM actions: DeleteBucketOwnershipControls
# is authorized by s3:PutBucketOwnershipControls, DeleteIntelligentTieringConfiguration
# by s3:PutIntelligentTieringConfiguration, and CreateSession belongs to the
# s3express service, not s3.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  statement "DenyOwnershipChanges" {
    effect     = "Deny"
    principals = { AWS = ["arn:aws:iam::444455556666:role/analytics"] }
    actions    = ["s3:DeleteBucketOwnershipControls", "s3:DeleteIntelligentTieringConfiguration"] # want: TMC504
    resources  = ["arn:aws:s3:::acme-teramot-data"]
  }
}

grant "partner" {
  bucket        = bucket.data
  permissions   = ["read"]
  extra_actions = ["s3:CreateSession"] # want: TMC504

  cross_account_role {
    name               = "partner-access"
    trusted_account_id = "210987654321"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

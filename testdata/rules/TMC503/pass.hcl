# Bucket actions on the bucket, object actions on objects.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  statement "AnalyticsRead" {
    principals = { AWS = ["arn:aws:iam::444455556666:role/analytics"] }
    actions    = ["s3:GetObject", "s3:ListBucket"]
    resources  = ["arn:aws:s3:::acme-teramot-data", "arn:aws:s3:::acme-teramot-data/*"]
  }
}

grant "partner" {
  bucket        = bucket.data
  permissions   = ["read", "list"]
  extra_actions = ["s3:GetObjectVersion", "s3:GetBucketLocation", "s3:ListMultipartUploadParts"]

  cross_account_role {
    name               = "partner-access"
    trusted_account_id = "210987654321"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

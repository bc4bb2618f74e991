# Bucket settings outside the first list (M3): key listings and
# notifications of the whole bucket, permanent deletes and retention are
# errors; settings others depend on warnings; costs notices. The prefix
# limits none of the bucket-level ones.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "PartnerCors" {
    principals = { AWS = ["arn:aws:iam::210987654321:root"] }
    actions    = ["s3:GetObject", "s3:PutBucketCORS"] # want: TMC105
    resources  = ["arn:aws:s3:::acme-shared-data", "arn:aws:s3:::acme-shared-data/*"]
  }

  statement "PartnerMetrics" {
    principals = { AWS = ["arn:aws:iam::210987654321:root"] }
    actions    = ["s3:PutMetricsConfiguration"] # want: TMC105
    resources  = ["arn:aws:s3:::acme-shared-data"]
  }
}

grant "partner" {
  bucket        = bucket.data
  permissions   = ["read", "list"]
  prefix        = "partner/"
  extra_actions = ["s3:PutInventoryConfiguration", "s3:PutBucketNotification", "s3:DeleteObjectVersion", "s3:PutObjectRetention"] # want: TMC105

  cross_account_role {
    name               = "partner-role"
    trusted_account_id = "210987654321"
    trusted_principal  = "arn:aws:iam::210987654321:role/reader"
    external_id        = "Zq8vN3kLp2Xw7Rt5Yb1Hc9Md"
  }
}

grant "settings" {
  bucket        = bucket.data
  permissions   = ["read"]
  extra_actions = ["s3:PutBucketTagging", "s3:PutBucketRequestPayment", "s3:PutObjectLegalHold"] # want: TMC105

  iam_user {
    name = "partner-settings"
  }
}

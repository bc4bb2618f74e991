# The rendered TLS and encryption denies are conditional; this Deny excludes
# the administrators.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "FreezePolicy" {
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:PutBucketPolicy", "s3:DeleteBucketPolicy"]
    resources  = ["arn:aws:s3:::acme-shared-data"]
    condition {
      test     = "StringNotLike"
      variable = "aws:PrincipalArn"
      values   = ["arn:aws:iam::111122223333:role/platform-admin"]
    }
  }

  statement "NoDeletes" {
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:DeleteObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
  }
}

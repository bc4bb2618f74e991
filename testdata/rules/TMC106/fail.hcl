bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "DenyEverything" { # want: TMC106
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:*"]
    resources  = ["arn:aws:s3:::acme-shared-data", "arn:aws:s3:::acme-shared-data/*"]
  }

  statement "FreezePolicy" { # want: TMC106
    effect     = "Deny"
    principals = { AWS = ["*"] }
    actions    = ["s3:DeleteBucketPolicy"]
    resources  = ["arn:aws:s3:::acme-shared-data"]
  }
}

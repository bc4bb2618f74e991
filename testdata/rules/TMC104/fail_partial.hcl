# An own TLS statement that only covers the objects: requests on the bucket
# (ListBucket, GetBucketPolicy, ...) still work over plain HTTP.
bucket "data" {
  name        = "acme-shared-data"
  region      = "us-east-1"
  require_tls = false

  statement "DenyHttpObjects" { # want: TMC104
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:*"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

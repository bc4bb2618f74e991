# The bucket encrypts with AES256, but an own statement denies every upload
# that does not ask for aws:kms: uploads that follow the bucket's setting
# are rejected.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  encryption {
    algorithm = "AES256"
  }

  statement "RequireKms" {
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringNotEquals"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["aws:kms"] # want: TMC201
    }
  }
}

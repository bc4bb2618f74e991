# An AES256 bucket with the rendered Deny, and a stricter own Deny that
# asks for aws:kms under secret/ only: no upload that follows the bucket's
# setting elsewhere is rejected.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "RequireKmsForSecrets" {
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/secret/*"]
    condition {
      test     = "StringNotEquals"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["aws:kms"]
    }
  }
}

# An own Deny with StringNotLike and only the algorithm, no wildcard: as
# strict as StringNotEquals.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  encryption {
    require_encrypted_uploads = false
  }

  statement "DenyOther" {
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringNotLike"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["AES256"]
    }
  }
}

# An own Deny whose StringNotLike values hold a wildcard: "*" matches every
# algorithm, so uploads with any of them get through (also SSE-KMS with a
# key of the uploader's account); "AES*" matches more than AES256.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  encryption {
    require_encrypted_uploads = false # want: TMC201
  }

  statement "DenyWeak" {
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringNotLike"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["AES256", "*"]
    }
  }
}

bucket "other" {
  name   = "acme-shared-other"
  region = "us-east-1"

  encryption {
    require_encrypted_uploads = false # want: TMC201
  }

  statement "DenyLike" {
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-shared-other/*"]
    condition {
      test     = "StringNotLike"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["AES256", "AES?56*"]
    }
  }
}

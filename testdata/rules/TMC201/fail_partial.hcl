# Own upload rules that check only part of the uploads: one prefix, or
# only the callers of one account.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  encryption {
    require_encrypted_uploads = false # want: TMC201
  }

  statement "DenyUnencryptedTmp" {
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/tmp/*"]
    condition {
      test     = "StringNotEquals"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["AES256"]
    }
  }
}

bucket "other" {
  name   = "acme-shared-other"
  region = "us-east-1"

  encryption {
    require_encrypted_uploads = false # want: TMC201
  }

  statement "DenyUnencryptedOwn" {
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-shared-other/*"]
    condition {
      test     = "StringNotEquals"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["AES256"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalAccount"
      values   = ["111122223333"]
    }
  }
}

# A hand-written Deny on the log bucket also denies the log delivery
# service, which sends no encryption header: no access log would arrive.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  access_logging {
    target_bucket = bucket.logs.name
    target_prefix = "data/"
  }
}

bucket "logs" {
  name   = "acme-teramot-logs"
  region = "us-east-1"

  encryption {
    require_encrypted_uploads = false
  }

  statement "DenyPlainUploads" { # want: TMC402
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-teramot-logs/*"]
    condition {
      test     = "StringNotEquals"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["AES256"]
    }
  }
}

# A hand-written Deny on the log bucket also denies CloudTrail, which
# encrypts the trail's log files with its KMS key: no log would arrive.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

bucket "logs" {
  name   = "acme-teramot-trail-logs"
  region = "us-east-1"

  encryption {
    require_encrypted_uploads = false
  }

  statement "DenyOtherEncryption" { # want: TMC405
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-teramot-trail-logs/*"]
    condition {
      test     = "StringNotEquals"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["AES256"]
    }
  }
}

trail "audit" {
  bucket       = bucket.data
  log_bucket   = bucket.logs.name
  log_prefix   = "audit"
  read_events  = true
  write_events = true
  kms_key_arn  = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

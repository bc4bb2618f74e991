# A KMS-encrypted data bucket shared with a write-only partner, audited by a
# trail that encrypts its logs, writes under a nested prefix and leaves
# management events to the account's existing trail.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-kms-data"
  region = "eu-west-1"

  encryption {
    algorithm   = "aws:kms"
    kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }

  lifecycle_rule "AbortUploads" {
    abort_incomplete_upload_days = 7
    noncurrent_expiration_days   = 30
  }

  access_logging {
    target_bucket = bucket.logs.name
    target_prefix = "data/"
  }
}

bucket "logs" {
  name   = "acme-kms-logs"
  region = "eu-west-1"

  encryption {
    algorithm   = "aws:kms"
    kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/5678efgh-12ab-34cd-56ef-1234567890ab"
  }

  lifecycle_rule "ExpireLogs" {
    expiration_days              = 365
    noncurrent_expiration_days   = 30
    abort_incomplete_upload_days = 7
  }
}

grant "uploader" {
  bucket      = bucket.data
  permissions = ["write"]
  prefix      = "incoming/"

  cross_account_role {
    name               = "acme-uploader"
    trusted_account_id = "444455556666"
    external_id        = "tmc-5d1f0c8e-acme-uploader-77aa"
  }
}

trail "acme-kms-audit" {
  bucket            = bucket.data
  log_bucket        = bucket.logs.name
  log_prefix        = "audit/acme"
  kms_key_arn       = "arn:aws:kms:eu-west-1:111122223333:key/9abc0def-12ab-34cd-56ef-1234567890ab"
  management_events = false
}

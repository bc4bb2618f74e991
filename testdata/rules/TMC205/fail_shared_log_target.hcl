# A log target that a grant shares with a partner is a data bucket: it
# does not keep AES256 as a log bucket may.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  encryption {
    algorithm   = "aws:kms"
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }

  access_logging {
    target_bucket = bucket.logs.name
  }
}

bucket "logs" { # want: TMC205
  name   = "acme-shared-logs"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.logs
  permissions = ["read"]

  cross_account_role {
    name               = "partner-read"
    trusted_account_id = "210987654321"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

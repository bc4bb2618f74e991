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

# Log delivery targets may keep AES256.
bucket "logs" {
  name   = "acme-shared-logs"
  region = "us-east-1"
}

# Default encryption and trail logs with a KMS key of another account: that
# account can disable the key and sees every use of it.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  encryption {
    algorithm   = "aws:kms"
    kms_key_arn = "arn:aws:kms:us-east-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab" # want: TMC206
  }
}

bucket "logs" {
  name   = "acme-shared-logs"
  region = "us-east-1"
}

trail "audit" {
  bucket      = bucket.data
  log_bucket  = bucket.logs.name
  kms_key_arn = "arn:aws:kms:us-east-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab" # want: TMC206
}

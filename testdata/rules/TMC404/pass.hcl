# Defaults (multi-region, validated log files) and a customer-managed key.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

trail "audit" {
  bucket       = bucket.data
  log_bucket   = "acme-central-cloudtrail"
  read_events  = true
  write_events = true
  kms_key_arn  = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

# Valid trail names: the shortest (3 characters), mixed case, digits,
# single underscores and dashes.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

trail "abc" {
  bucket     = bucket.data
  log_bucket = "acme-central-cloudtrail"
}

trail "Audit_2026-v1" {
  bucket     = bucket.data
  log_bucket = "acme-central-cloudtrail"
}

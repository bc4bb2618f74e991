# A log bucket no bucket block declares: a typo or a name someone else
# registered would receive the data events. Lint warns; plan and apply check
# that it is the account's own.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

trail "audit" {
  bucket     = bucket.data
  log_bucket = "acme-cloudtrail-logs" # want: TMC405
}

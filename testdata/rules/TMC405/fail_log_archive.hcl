# A central log bucket of the organization's log archive account: lint
# warns that the data events go to that account; plan and apply check that
# the bucket is its.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

trail "audit" {
  bucket             = bucket.data
  log_bucket         = "acme-org-log-archive" # want: TMC405
  log_bucket_account = "444455556666"
}

# A log bucket the spec does not declare, said to be the own account's:
# plan and apply check its owner, so lint does not warn.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

trail "audit" {
  bucket             = bucket.data
  log_bucket         = "acme-cloudtrail-logs"
  log_bucket_account = "111122223333"
}

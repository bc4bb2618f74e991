# Logs go to a declared log bucket, which gets the log delivery statement
# scoped to the account; its deny of unencrypted uploads exempts the service.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  access_logging {
    target_bucket = bucket.logs.name
    target_prefix = "data/"
  }
}

bucket "logs" {
  name   = "acme-teramot-logs"
  region = "us-east-1"
}

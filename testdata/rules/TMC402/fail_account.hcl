# Without the account the log delivery statement cannot check
# aws:SourceAccount.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  access_logging {
    target_bucket = bucket.logs.name # want: TMC402
    target_prefix = "data/"
  }
}

bucket "logs" {
  name   = "acme-teramot-logs"
  region = "us-east-1"
}

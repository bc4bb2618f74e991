# two trails with one label.
# want: line 11: Duplicate trail block
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
trail "audit" {
  bucket     = bucket.data
  log_bucket = "teramot-fixture-logs"
}
trail "audit" {
  bucket     = bucket.data
  log_bucket = "teramot-fixture-logs"
}

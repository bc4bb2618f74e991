# a trail label with a dot.
# want: line 7: Invalid trail label
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
trail "audit.v2" {
  bucket     = bucket.data
  log_bucket = "teramot-fixture-logs"
}

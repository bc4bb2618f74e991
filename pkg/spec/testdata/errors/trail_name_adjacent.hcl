# a trail label with a dash next to an underscore.
# want: line 7: Invalid trail name [TMC706]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
trail "audit-_data" {
  bucket     = bucket.data
  log_bucket = "teramot-fixture-logs"
}

# access logging to an undeclared bucket.
# want: line 7: Reference to undeclared bucket
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  access_logging {
    target_bucket = bucket.logs.name
  }
}

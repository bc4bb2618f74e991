# a trail label too short to be a CloudTrail trail name.
# want: line 7: Invalid trail name [TMC706]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
trail "t" {
  bucket     = bucket.data
  log_bucket = "teramot-fixture-logs"
}

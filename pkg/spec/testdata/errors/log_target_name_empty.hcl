# an empty access-log target and an invalid trail log bucket: AWS refuses
# both at apply, so validation must (a reference to a declared bucket is
# checked at that bucket's own name).
# want: line 10: Invalid bucket name [TMC701]
# want: line 15: Invalid bucket name [TMC701]
bucket "data" {
  name   = "teramot-data-acme"
  region = "us-east-1"
  access_logging {
    target_bucket = ""
  }
}
trail "teramot-data" {
  bucket       = bucket.data
  log_bucket   = "Not A Bucket!"
  read_events  = true
  write_events = true
}

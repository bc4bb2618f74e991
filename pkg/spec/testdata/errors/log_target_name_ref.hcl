# a log target referring to a declared bucket with an invalid name is
# reported once, at that bucket's name, not again at the reference.
# want: line 10: Invalid bucket name [TMC701]
bucket "data" {
  name   = "teramot-data-acme"
  region = "us-east-1"
  access_logging { target_bucket = bucket.logs.name }
}
bucket "logs" {
  name   = "Logs"
  region = "us-east-1"
}

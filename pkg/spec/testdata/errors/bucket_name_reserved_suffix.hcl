# a bucket name with a reserved suffix.
# want: line 4: Invalid bucket name [TMC701]
bucket "data" {
  name   = "teramot-data--ol-s3"
  region = "us-east-1"
}

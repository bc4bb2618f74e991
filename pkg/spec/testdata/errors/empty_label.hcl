# a bucket with an empty label.
# want: line 3: Invalid bucket label
bucket "" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

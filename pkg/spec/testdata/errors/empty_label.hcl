# a bucket with an empty label.
# want: line 3: Empty bucket label
bucket "" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

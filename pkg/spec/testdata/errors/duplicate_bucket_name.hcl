# two buckets with one AWS name.
# want: line 8: Duplicate bucket name
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
bucket "copy" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

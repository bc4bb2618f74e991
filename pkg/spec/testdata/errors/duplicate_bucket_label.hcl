# two buckets with one label.
# want: line 7: Duplicate bucket block
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
bucket "data" {
  name   = "teramot-fixture-other"
  region = "us-east-1"
}

# a string where a bool is expected.
# want: line 6: Incorrect attribute value type
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  versioning = "yes"
}

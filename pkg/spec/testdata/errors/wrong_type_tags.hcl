# tags that are not a map of strings.
# want: line 6: Incorrect attribute value type
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  tags = ["a", "b"]
}

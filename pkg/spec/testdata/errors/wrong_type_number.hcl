# a word where a number is expected.
# want: line 8: Incorrect attribute value type
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  lifecycle_rule "Archive" {
    transition {
      days          = "thirty"
      storage_class = "GLACIER"
    }
  }
}

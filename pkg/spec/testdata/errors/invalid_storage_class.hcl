# a misspelled storage class.
# want: line 9: Invalid storage_class
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  lifecycle_rule "Archive" {
    transition {
      days          = 90
      storage_class = "GLACER"
    }
  }
}

# a misspelled storage class after a valid transition: only the class is
# reported, not an order or supported-transition problem with the rule's
# other transition.
# want: line 15: Invalid storage_class
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  lifecycle_rule "Archive" {
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
    transition {
      days          = 10
      storage_class = "GLACER"
    }
  }
}

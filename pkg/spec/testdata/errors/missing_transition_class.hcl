# a transition without storage_class.
# want: line 7: Missing required argument
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  lifecycle_rule "Archive" {
    transition {
      days = 90
    }
  }
}

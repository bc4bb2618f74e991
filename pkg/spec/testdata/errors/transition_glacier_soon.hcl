# GLACIER 10 days after STANDARD_IA.
# want: line 12: Transition too soon after IA [TMC302]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  lifecycle_rule "Archive" {
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
    transition {
      days          = 40
      storage_class = "GLACIER"
    }
  }
}

# STANDARD_IA after 10 days.
# want: line 8: Transition too early [TMC302]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  lifecycle_rule "Archive" {
    transition {
      days          = 10
      storage_class = "STANDARD_IA"
    }
  }
}

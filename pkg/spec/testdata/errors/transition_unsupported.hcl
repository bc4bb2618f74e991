# GLACIER then STANDARD_IA.
# want: line 13: Unsupported transition [TMC302]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  lifecycle_rule "Archive" {
    transition {
      days          = 30
      storage_class = "GLACIER"
    }
    transition {
      days          = 120
      storage_class = "STANDARD_IA"
    }
  }
}

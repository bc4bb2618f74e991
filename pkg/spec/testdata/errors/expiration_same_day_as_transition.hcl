# expiration on the same day as the last transition: S3 wants it later.
# want: line 11: Expiration before last transition [TMC302]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  lifecycle_rule "Archive" {
    transition {
      days          = 90
      storage_class = "GLACIER"
    }
    expiration_days = 90
  }
}

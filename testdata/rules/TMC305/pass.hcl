bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  lifecycle_rule "Archive" {
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
    transition {
      days          = 90
      storage_class = "GLACIER"
    }
    transition {
      days          = 180
      storage_class = "DEEP_ARCHIVE"
    }
    expiration_days = 365
  }
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  # The setup guide's waterfall.
  lifecycle_rule "TeramotDataLifecycle" {
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
    transition {
      days          = 90
      storage_class = "GLACIER"
    }
    transition {
      days          = 270
      storage_class = "DEEP_ARCHIVE"
    }
    expiration_days = 730
  }

  lifecycle_rule "Tiering" {
    prefix = "raw/"
    transition {
      days          = 0
      storage_class = "INTELLIGENT_TIERING"
    }
    transition {
      days          = 90
      storage_class = "GLACIER_IR"
    }
  }
}

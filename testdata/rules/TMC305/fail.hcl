bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  lifecycle_rule "Archive" {
    transition {
      days          = 90
      storage_class = "GLACIER"
    }
    transition {
      days          = 120 # want: TMC305
      storage_class = "DEEP_ARCHIVE"
    }
    expiration_days = 200 # want: TMC305
  }

  lifecycle_rule "Instant" {
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
    transition {
      days          = 45 # want: TMC305
      storage_class = "GLACIER_IR"
    }
  }
}

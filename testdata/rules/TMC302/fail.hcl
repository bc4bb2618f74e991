bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  # Too early for infrequent access.
  lifecycle_rule "EarlyIA" {
    transition {
      days          = 7 # want: TMC302
      storage_class = "STANDARD_IA"
    }
  }

  # Out of the waterfall: nothing leaves GLACIER for STANDARD_IA.
  lifecycle_rule "Backwards" {
    transition {
      days          = 30
      storage_class = "GLACIER"
    }
    transition {
      days          = 60
      storage_class = "STANDARD_IA" # want: TMC302
    }
  }

  # GLACIER less than 30 days after the IA step.
  lifecycle_rule "TooSoon" {
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
    transition {
      days          = 45 # want: TMC302
      storage_class = "GLACIER"
    }
  }

  # Days that do not increase.
  lifecycle_rule "Flat" {
    transition {
      days          = 90
      storage_class = "GLACIER"
    }
    transition {
      days          = 90 # want: TMC302
      storage_class = "DEEP_ARCHIVE"
    }
  }

  # Expiration before the last transition.
  lifecycle_rule "ExpireFirst" {
    transition {
      days          = 90
      storage_class = "GLACIER_IR"
    }
    expiration_days = 60 # want: TMC302
  }
}

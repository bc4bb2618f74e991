bucket "data" {
  name       = "acme-shared-data"
  region     = "us-east-1"
  versioning = true # want: TMC303

  lifecycle_rule "Archive" {
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
  }
}

# Versioned by default, and the only noncurrent rule is disabled.
bucket "other" { # want: TMC303
  name   = "acme-shared-other"
  region = "us-east-1"

  lifecycle_rule "Old" {
    enabled                    = false
    noncurrent_expiration_days = 30
  }
}

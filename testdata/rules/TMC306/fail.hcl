bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  lifecycle_rule "Cleanup" {
    abort_incomplete_upload_days = 7
  }

  lifecycle_rule "Cleanup" { # want: TMC306
    noncurrent_expiration_days = 30
  }
}

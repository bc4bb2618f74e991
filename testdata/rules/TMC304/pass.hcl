bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  lifecycle_rule "Housekeeping" {
    noncurrent_expiration_days   = 30
    abort_incomplete_upload_days = 7
  }
}

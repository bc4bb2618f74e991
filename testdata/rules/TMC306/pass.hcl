bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  lifecycle_rule "Uploads" {
    abort_incomplete_upload_days = 7
  }

  lifecycle_rule "Versions" {
    noncurrent_expiration_days = 30
  }
}

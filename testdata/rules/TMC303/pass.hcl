bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  lifecycle_rule "Versions" {
    noncurrent_expiration_days = 30
  }
}

bucket "unversioned" {
  name       = "acme-shared-unversioned"
  region     = "us-east-1"
  versioning = false
}

bucket "data" { # want: TMC304
  name   = "acme-shared-data"
  region = "us-east-1"

  lifecycle_rule "Versions" {
    noncurrent_expiration_days = 30
  }
}

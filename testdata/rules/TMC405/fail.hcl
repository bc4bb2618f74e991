# The trail writes its logs into the shared data bucket.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "partner-read"
    trusted_account_id = "210987654321"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

trail "audit" {
  bucket       = bucket.data
  log_bucket   = bucket.data.name # want: TMC405
  read_events  = true
  write_events = true
}

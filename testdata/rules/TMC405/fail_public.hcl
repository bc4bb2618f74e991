# The declared log bucket does not block public access.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

bucket "logs" {
  name                = "acme-teramot-trail-logs"
  region              = "us-east-1"
  block_public_access = false
}

trail "audit" {
  bucket       = bucket.data
  log_bucket   = bucket.logs.name # want: TMC405
  read_events  = true
  write_events = true
}

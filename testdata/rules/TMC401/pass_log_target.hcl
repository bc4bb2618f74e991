# The log bucket receives the data bucket's access logs and a trail's logs:
# as a declared log target it needs no access logging of its own.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  access_logging {
    target_bucket = bucket.logs.name
    target_prefix = "data/"
  }
}

bucket "logs" {
  name   = "acme-teramot-logs"
  region = "us-east-1"
}

bucket "trails" {
  name   = "acme-teramot-trail-logs"
  region = "us-east-1"
}

trail "audit" {
  bucket       = bucket.data
  log_bucket   = bucket.trails.name
  read_events  = true
  write_events = true
}

# Without the account teramotc cannot scope the CloudTrail statements to the
# trail's ARN, so it renders none and the trail could not write.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

bucket "logs" {
  name   = "acme-teramot-trail-logs"
  region = "us-east-1"
}

trail "audit" {
  bucket       = bucket.data
  log_bucket   = bucket.logs.name # want: TMC405
  read_events  = true
  write_events = true
}

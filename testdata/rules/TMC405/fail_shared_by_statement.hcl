# The trail's log bucket lets another account read every log file through
# its policy, though no grant shares it.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

bucket "logs" {
  name   = "acme-teramot-logs"
  region = "us-east-1"

  statement "PartnerRead" {
    principals = { AWS = ["arn:aws:iam::210987654321:root"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-teramot-logs/*"]
  }
}

trail "audit" {
  bucket       = bucket.data
  log_bucket   = bucket.logs.name # want: TMC405
  read_events  = true
  write_events = true
}

# The trail's log bucket also takes ELB access logs in the older form AWS
# documents for regions opened before August 2022: the regional Elastic
# Load Balancing account (eu-west-1's is 156460612806) may only put objects.
# A write-only delivery reads nothing.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "eu-west-1"
}

bucket "logs" {
  name   = "acme-teramot-trail-logs"
  region = "eu-west-1"

  statement "ELBAccountLogDelivery" {
    principals = { AWS = ["156460612806"] }
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-teramot-trail-logs/elb/AWSLogs/111122223333/*"]
  }
}

trail "audit" {
  bucket       = bucket.data
  log_bucket   = bucket.logs.name
  read_events  = true
  write_events = true
}

# The older ELB access-log form (the regional Elastic Load Balancing
# account, us-east-1's 127311923021, may only put objects) does not share
# the log bucket, so no trail needs to log its data events.
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

  statement "ELBAccountLogDelivery" {
    principals = { AWS = ["arn:aws:iam::127311923021:root"] }
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-teramot-logs/elb/AWSLogs/111122223333/*"]
  }
}

# A log target whose policy lets only the regional Elastic Load Balancing
# account (us-east-1's 127311923021, the older ELB access-log form) put
# objects is not shared: it stays exempt from access logging.
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

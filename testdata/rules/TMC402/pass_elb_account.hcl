# The older ELB access-log form, which AWS documents for regions opened
# before August 2022: the regional Elastic Load Balancing account (us-east-1's
# is 127311923021) may only put objects under the ELB prefix. Like the
# logdelivery.elasticloadbalancing.amazonaws.com form, it is a write-only
# delivery: nobody outside the account reads the logs.
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

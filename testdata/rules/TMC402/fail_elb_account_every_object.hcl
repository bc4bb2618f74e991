# review-diff6b F5: the regional ELB account writes for every AWS customer
# of the region. On BUCKET/* (rather than AWS's documented
# BUCKET/PREFIX/AWSLogs/<own account id>/*) any customer's load balancer
# may write into the bucket, so it counts as shared.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  access_logging {
    target_bucket = bucket.logs.name # want: TMC402
    target_prefix = "data/"
  }
}

bucket "logs" {
  name   = "acme-teramot-logs"
  region = "us-east-1"

  statement "ELBAccountLogDelivery" {
    principals = { AWS = ["arn:aws:iam::127311923021:root"] }
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-teramot-logs/*"]
  }
}

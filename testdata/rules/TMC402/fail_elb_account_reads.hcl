# The regional ELB account may put objects into the log bucket, but this
# statement lets it read them too: beyond the write-only delivery AWS
# documents, so the account counts as another account that shares the
# bucket.
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
    actions    = ["s3:PutObject", "s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-teramot-logs/elb/AWSLogs/111122223333/*"]
  }
}

# A CloudFront distribution of the own account may read the log bucket: it
# serves the access logs to whoever may call it.
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

  statement "CloudFrontRead" {
    principals = { Service = ["cloudfront.amazonaws.com"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-teramot-logs/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = ["arn:aws:cloudfront::111122223333:distribution/E1ABCDEF2GHIJK"]
    }
  }
}

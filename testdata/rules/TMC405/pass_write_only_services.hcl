# The trail's log bucket is a central log bucket that also takes ELB access
# logs and S3 Inventory reports: write-only deliveries read nothing.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

bucket "logs" {
  name   = "acme-teramot-trail-logs"
  region = "us-east-1"

  statement "ELBLogDelivery" {
    principals = { Service = ["logdelivery.elasticloadbalancing.amazonaws.com"] }
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-teramot-trail-logs/elb/AWSLogs/111122223333/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }

  statement "InventoryDelivery" {
    principals = { Service = ["s3.amazonaws.com"] }
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-teramot-trail-logs/inventory/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }
}

trail "audit" {
  bucket       = bucket.data
  log_bucket   = bucket.logs.name
  read_events  = true
  write_events = true
}

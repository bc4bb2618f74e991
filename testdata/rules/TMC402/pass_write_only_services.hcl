# A central log bucket: besides the server access logs it takes AWS's
# write-only deliveries (ELB access logs, S3 Inventory reports). Neither
# service reads or lists the bucket, so the logs stay private.
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

  statement "ELBLogDelivery" {
    principals = { Service = ["logdelivery.elasticloadbalancing.amazonaws.com"] }
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-teramot-logs/elb/AWSLogs/111122223333/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }

  statement "InventoryDelivery" {
    principals = { Service = ["s3.amazonaws.com"] }
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-teramot-logs/inventory/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:s3:::acme-teramot-data"]
    }
  }
}

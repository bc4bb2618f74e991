# Service principals scoped to the own account: a distribution of the own
# account, the own account id, an organization, a declared bucket.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "CloudFrontRead" {
    principals = { Service = ["cloudfront.amazonaws.com"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = ["arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE"]
    }
  }

  statement "InventoryWrite" {
    principals = { Service = ["s3.amazonaws.com"] }
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/inventory/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:s3:::acme-shared-other"]
    }
  }
}

bucket "other" {
  name   = "acme-shared-other"
  region = "us-east-1"

  statement "DeclaredSource" {
    principals = { Service = ["logging.s3.amazonaws.com"] }
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-shared-other/logs/*"]
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:s3:::acme-shared-data"]
    }
  }
}

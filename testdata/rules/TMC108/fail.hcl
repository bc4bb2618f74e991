# Service principals with no condition that scopes their source to the own
# account: any account's CloudFront distribution, trail or bucket could
# read or write through the service (cross-service confused deputy).
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "CloudFrontRead" {
    principals = { Service = ["cloudfront.amazonaws.com"] } # want: TMC108
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
  }

  statement "LogWrite" {
    principals = { Service = ["logging.s3.amazonaws.com", "cloudtrail.amazonaws.com"] } # want: TMC108
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/logs/*"]
  }

  statement "IfExists" {
    principals = { Service = ["s3.amazonaws.com"] } # want: TMC108
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/inventory/*"]
    condition {
      test     = "StringEqualsIfExists"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }

  statement "OtherAccount" {
    principals = { Service = ["cloudfront.amazonaws.com"] } # want: TMC108
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["210987654321"]
    }
  }

  statement "OtherDistribution" {
    principals = { Service = ["cloudfront.amazonaws.com"] } # want: TMC108
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:cloudfront::210987654321:distribution/EDFDVBD6EXAMPLE"]
    }
  }

  statement "UndeclaredBucket" {
    principals = { Service = ["logging.s3.amazonaws.com"] } # want: TMC108
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/logs/*"]
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:s3:::someone-elses-bucket"]
    }
  }
}

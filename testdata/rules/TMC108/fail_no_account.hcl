# Without aws.account_id any fixed source counts, but a service principal
# with no source condition at all is still open to every account.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "CloudFrontRead" {
    principals = { Service = ["cloudfront.amazonaws.com"] } # want: TMC108
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:cloudfront::*:distribution/*"]
    }
  }
}

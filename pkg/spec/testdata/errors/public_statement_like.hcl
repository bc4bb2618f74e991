# an Allow to everyone narrowed only by a wildcard value.
# want: line 7: Public bucket policy rejected [TMC107]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  statement "PublicRead" {
    principals = { "*" = ["*"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-fixture-data/*"]
    condition {
      test     = "StringLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:*"]
    }
  }
}

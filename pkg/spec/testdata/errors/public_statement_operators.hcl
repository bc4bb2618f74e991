# "*" principals whose conditions S3 does not accept as narrowing: a numeric
# operator, a string operator on aws:SourceIp, an IpAddress range wider than /8.
# want: line 10: Public bucket policy rejected [TMC107]
# want: line 20: Public bucket policy rejected [TMC107]
# want: line 30: Public bucket policy rejected [TMC107]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  statement "Numeric" {
    principals = "*"
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-fixture-data/*"]
    condition {
      test     = "NumericEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }
  statement "StringIp" {
    principals = "*"
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-fixture-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceIp"
      values   = ["203.0.113.7"]
    }
  }
  statement "WideIp" {
    principals = "*"
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-fixture-data/*"]
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["64.0.0.0/4"]
    }
  }
}

# two condition blocks on one key render merged, ["210987654321", "*"]: public.
# want: line 7: Public bucket policy rejected [TMC107]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  statement "MergedWildcard" {
    principals = "*"
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-fixture-data/*"]
    condition {
      test     = "StringLike"
      variable = "aws:PrincipalAccount"
      values   = ["210987654321"]
    }
    condition {
      test     = "StringLike"
      variable = "aws:PrincipalAccount"
      values   = ["*"]
    }
  }
}

# an unknown condition operator.
# want: line 11: Invalid condition operator
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  statement "Read" {
    principals = { AWS = ["arn:aws:iam::444455556666:root"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-fixture-data/*"]
    condition {
      test     = "StringEqual"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc123"]
    }
  }
}

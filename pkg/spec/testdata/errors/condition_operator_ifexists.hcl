# IfExists may follow an operator, with or without a qualifier; a
# misspelled operator with IfExists is still an error, and so is
# NullIfExists (IfExists may follow every operator but Null).
# want: line 24: Invalid condition operator
# want: line 29: Invalid condition operator
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  statement "Read" {
    principals = { AWS = ["arn:aws:iam::444455556666:root"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-fixture-data/*"]
    condition {
      test     = "StringEqualsIfExists"
      variable = "aws:PrincipalOrgID"
      values   = ["o-abc123"]
    }
    condition {
      test     = "ForAnyValue:StringLikeIfExists"
      variable = "aws:PrincipalTag/team"
      values   = ["data-*"]
    }
    condition {
      test     = "StringEqualIfExists"
      variable = "aws:SourceVpc"
      values   = ["vpc-111bbb22"]
    }
    condition {
      test     = "NullIfExists"
      variable = "aws:SourceVpc"
      values   = ["false"]
    }
  }
}

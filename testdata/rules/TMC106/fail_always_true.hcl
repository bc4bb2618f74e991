# Conditions that hold for every request of the owner's administrators
# narrow nothing.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "DenyAnyArn" { # want: TMC106
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:PutBucketPolicy"]
    resources  = ["arn:aws:s3:::acme-shared-data"]
    condition {
      test     = "StringLike"
      variable = "aws:PrincipalArn"
      values   = ["*"]
    }
  }

  statement "DenyEitherTransport" { # want: TMC106
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:DeleteBucketPolicy"]
    resources  = ["arn:aws:s3:::acme-shared-data"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true", "false"]
    }
  }
}

# An own-account Allow reaches the grant's role. Its s3:prefix condition
# does not hold it to the grant's prefix: StringLikeIfExists passes when the
# key is absent (every object action), and "*" admits any listing.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "Internal" { # want: TMC510
    principals = "*"
    actions    = ["s3:GetObject", "s3:ListBucket"]
    resources  = ["arn:aws:s3:::acme-shared-data", "arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalAccount"
      values   = ["111122223333"]
    }
    condition {
      test     = "StringLikeIfExists"
      variable = "s3:prefix"
      values   = ["*"]
    }
  }
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read", "list"]
  prefix      = "exports/"

  cross_account_role {
    name               = "partner-read"
    trusted_account_id = "210987654321"
    trusted_principal  = "arn:aws:iam::210987654321:role/ingest"
    external_id        = "Zq8vN3kLp2Xw7Rt5Yb1Hc9Md"
  }
}

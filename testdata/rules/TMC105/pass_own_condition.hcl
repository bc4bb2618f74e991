# "*" narrowed by a condition to principals of the spec's own account is not
# another account (C1): the same access as principals = { AWS = [account] }.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "OwnAccountVersioning" {
    principals = "*"
    actions    = ["s3:PutBucketVersioning", "s3:PutBucketPolicy"]
    resources  = ["arn:aws:s3:::acme-shared-data"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalAccount"
      values   = ["111122223333"]
    }
  }

  statement "OwnAdminRole" {
    principals = "*"
    actions    = ["s3:PutBucketPolicy", "s3:DeleteBucketPolicy"]
    resources  = ["arn:aws:s3:::acme-shared-data"]
    condition {
      test     = "ArnEquals"
      variable = "aws:PrincipalArn"
      values   = ["arn:aws:iam::111122223333:role/admin"]
    }
  }

  statement "OwnOpsRoles" {
    principals = { AWS = ["*"] }
    actions    = ["s3:PutLifecycleConfiguration"]
    resources  = ["arn:aws:s3:::acme-shared-data"]
    condition {
      test     = "ArnLike"
      variable = "aws:PrincipalArn"
      values   = ["arn:aws:iam::111122223333:role/ops-*"]
    }
  }
}

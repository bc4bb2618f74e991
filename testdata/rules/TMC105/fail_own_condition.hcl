# Conditions that do not keep every other account, or an anonymous caller,
# out: the wildcard is still another account.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  # No aws:PrincipalAccount in the request (an anonymous caller): true.
  statement "IfExists" {
    principals = "*"
    actions    = ["s3:PutBucketVersioning"] # want: TMC105
    resources  = ["arn:aws:s3:::acme-shared-data"]
    condition {
      test     = "StringEqualsIfExists"
      variable = "aws:PrincipalAccount"
      values   = ["111122223333"]
    }
  }

  # aws:SourceAccount is the account of a calling service's resource, not
  # the caller's.
  statement "SourceAccount" {
    principals = "*"
    actions    = ["s3:PutBucketPolicy"] # want: TMC105
    resources  = ["arn:aws:s3:::acme-shared-data"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }

  # Another account's role in the same list.
  statement "TwoAccounts" {
    principals = "*"
    actions    = ["s3:PutBucketAcl"] # want: TMC105
    resources  = ["arn:aws:s3:::acme-shared-data"]
    condition {
      test     = "ArnEquals"
      variable = "aws:PrincipalArn"
      values   = ["arn:aws:iam::111122223333:role/admin", "arn:aws:iam::444455556666:role/admin"]
    }
  }
}

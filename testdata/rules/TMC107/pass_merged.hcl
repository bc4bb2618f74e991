# Two condition blocks on the same test and key with fixed values still
# narrow the "*" principal after they are merged; a wildcard value on a
# different key does not undo a narrowing condition on another key.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "MergedAccounts" {
    principals = "*"
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalAccount"
      values   = ["210987654321"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalAccount"
      values   = ["123456789012"]
    }
    condition {
      test     = "StringLike"
      variable = "aws:PrincipalArn"
      values   = ["*"]
    }
  }
}

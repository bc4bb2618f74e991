# Two condition blocks on the same test and key render as one entry whose
# values are ORed: ["210987654321", "*"] matches every account, so S3 treats
# the statement as public although the first block alone would narrow it.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "MergedWildcard" {
    principals = "*" # want: TMC107
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
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

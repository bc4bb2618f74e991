# Wildcard principals in bucket policy statements, with no condition or
# with conditions that do not narrow them.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  public_access_block {
    block_public_policy     = false
    restrict_public_buckets = false
  }

  statement "AnyoneRead" {
    principals = "*" # want: TMC102
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
  }

  statement "AnyAwsList" {
    principals = { AWS = ["*"] } # want: TMC102
    actions    = ["s3:ListBucket"]
    resources  = ["arn:aws:s3:::acme-shared-data"]
  }

  statement "AnyAccountRoot" {
    principals = { AWS = ["arn:aws:iam::*:root"] } # want: TMC102
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringLike"
      variable = "aws:PrincipalOrgID"
      values   = ["o-*"]
    }
  }

  statement "TerraformStyle" {
    principals = { "*" = ["*"] } # want: TMC102
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "s3:prefix"
      values   = ["public/"]
    }
  }
}

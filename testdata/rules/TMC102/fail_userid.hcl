# aws:userid "anonymous" is the value of every unauthenticated caller: the
# statement is public read, although S3 calls it non-public. "ACCOUNT:NAME"
# is a federated user of any account. TMC102 accepts only IAM unique ids.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  public_access_block {
    block_public_policy     = false
    restrict_public_buckets = false
  }

  statement "Anonymous" {
    principals = "*" # want: TMC102
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:userid"
      values   = ["anonymous"]
    }
  }

  statement "FreeText" {
    principals = { AWS = ["*"] } # want: TMC102
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:userid"
      values   = ["AROAJQABLZS4A3QDU576Q:alice", "210987654321:alice"]
    }
  }
}

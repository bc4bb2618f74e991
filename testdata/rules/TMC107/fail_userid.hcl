# aws:userid pins a principal only as an IAM unique id: "anonymous" is the
# value of every unauthenticated caller (public read), and "ACCOUNT:NAME"
# is a federated user of any account. teramotc refuses these although S3
# calls any fixed aws:userid non-public.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "Anonymous" {
    principals = "*" # want: TMC107
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:userid"
      values   = ["anonymous"]
    }
  }

  statement "FreeText" {
    principals = { AWS = ["*"] } # want: TMC107
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:userid"
      values   = ["AROAJQABLZS4A3QDU576Q:alice", "210987654321:alice"]
    }
  }
}

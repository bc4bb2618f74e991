# A wildcard aws:userid value pins nothing: S3 calls the statement public.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "AnySession" {
    principals = "*" # want: TMC107
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringLike"
      variable = "aws:userid"
      values   = ["AROAJQABLZS4A3QDU576Q:*"]
    }
  }
}

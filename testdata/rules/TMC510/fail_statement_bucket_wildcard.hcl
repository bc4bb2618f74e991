# review-diff6b F3: in IAM "*" also matches "/", so a Resource whose bucket
# name ends in a wildcard covers every object of the bucket: the partner
# reads every object and every overwritten version outside any grant.
aws {
  account_id = "123456789012"
}

bucket "data" {
  name   = "acme-leak-data"
  region = "us-east-1"

  statement "Partner" { # want: TMC510
    principals = { AWS = ["arn:aws:iam::999988887777:root"] }
    actions    = ["s3:GetObject", "s3:GetObjectVersion"]
    resources  = ["arn:aws:s3:::acme-leak-data*"]
  }
}

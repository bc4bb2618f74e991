# Each aws:SourceIp value is a /8, which S3 accepts as non-public one value
# at a time, but together they cover every public IPv4 address.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "PublicRead" {
    principals = "*" # want: TMC102
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = [for i in range(1, 224) : "${i}.0.0.0/8"]
    }
  }

  statement "TwoSlashEights" {
    principals = { AWS = ["*"] } # want: TMC102
    actions    = ["s3:ListBucket"]
    resources  = ["arn:aws:s3:::acme-shared-data"]
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["10.0.0.0/8", "172.16.0.0/12"]
    }
  }
}

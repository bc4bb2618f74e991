# aws:SourceIp values that, merged where they overlap, stay within one IPv4
# /16 and one IPv6 /48.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "OfficeRead" {
    principals = "*"
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["10.0.0.0/17", "10.0.128.0/17", "10.0.2.3", "2001:db8::/49", "2001:db8:0:8000::/49"]
    }
  }

  statement "OfficeList" {
    principals = { AWS = ["*"] }
    actions    = ["s3:ListBucket"]
    resources  = ["arn:aws:s3:::acme-shared-data"]
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["198.51.100.0/24", "203.0.113.7"]
    }
  }
}

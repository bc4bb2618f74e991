# One range wider than an IPv4 /16 or an IPv6 /48: S3 accepts up to a /8 or
# a /32 (TMC107 stays silent), but 3.0.0.0/8 is EC2 address space any AWS
# customer can rent, and 2001::/32 is Teredo, open to any IPv4 host.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "CloudRange" {
    principals = "*" # want: TMC102
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["3.0.0.0/8"]
    }
  }

  statement "Teredo" {
    principals = "*" # want: TMC102
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["2001::/32"]
    }
  }

  statement "TwoSixteens" {
    principals = "*" # want: TMC102
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["198.51.0.0/16", "203.0.0.0/16"]
    }
  }
}

# "*" principals that S3 does not classify as public: fixed values of
# non-public keys with equality or ARN operators (ForAnyValue allowed), and
# IpAddress ranges no broader than /8 (IPv4) or /32 (IPv6).
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "FromOffice" {
    principals = "*"
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["203.0.113.0/24", "10.0.0.0/8", "2001:db8::/32", "198.51.100.7"]
    }
  }

  statement "FromDistribution" {
    principals = { Service = ["cloudfront.amazonaws.com"], AWS = ["*"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE"]
    }
  }

  statement "FromOrgs" {
    principals = "*"
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "ForAnyValue:StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5", "o-f6g7h8i9j0"]
    }
  }
}

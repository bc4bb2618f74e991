# Conditions that S3 does not accept as narrowing a "*" principal: a string
# operator on aws:SourceIp (only IpAddress pins an address), an IpAddress
# range broader than /8, a date or numeric operator, a negated operator, an
# IfExists operator (passes when the key is absent), a policy variable.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "StringOnIp" {
    principals = "*" # want: TMC107
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceIp"
      values   = ["203.0.113.7"]
    }
  }

  statement "WideRange" {
    principals = "*" # want: TMC107
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["203.0.113.0/24", "64.0.0.0/4"]
    }
  }

  statement "NumericAccount" {
    principals = "*" # want: TMC107
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "NumericEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333"]
    }
  }

  statement "NegatedOrg" {
    principals = "*" # want: TMC107
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringNotEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }

  statement "IfExistsVpce" {
    principals = "*" # want: TMC107
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEqualsIfExists"
      variable = "aws:SourceVpce"
      values   = ["vpce-1a2b3c4d"]
    }
  }

  statement "NotAnAddress" {
    principals = "*" # want: TMC107
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["office"]
    }
  }
}

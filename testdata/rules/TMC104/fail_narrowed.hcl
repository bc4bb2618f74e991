# Own TLS statements that do not deny every request without TLS: a second
# condition is ANDed with the TLS one (s3:TlsVersion is absent on plain
# HTTP, so the first never applies), and NotAction lets GetObject through.
bucket "data" {
  name        = "acme-shared-data"
  region      = "us-east-1"
  require_tls = false

  statement "DenyOldTls" { # want: TMC104
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:*"]
    resources  = ["arn:aws:s3:::acme-shared-data", "arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
    condition {
      test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = ["1.2"]
    }
  }

  statement "DenyHttpButReads" { # want: TMC104
    effect      = "Deny"
    principals  = "*"
    not_actions = ["s3:GetObject"]
    resources   = ["arn:aws:s3:::acme-shared-data", "arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

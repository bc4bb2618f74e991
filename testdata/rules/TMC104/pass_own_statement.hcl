# require_tls is off, but the spec writes a complete TLS deny itself.
bucket "data" {
  name        = "acme-shared-data"
  region      = "us-east-1"
  require_tls = false

  statement "DenyHttp" {
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:*"]
    resources  = ["arn:aws:s3:::acme-shared-data", "arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

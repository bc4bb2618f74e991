# Actions of the Service Authorization Reference that an older list missed.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  statement "DenyAnnotationChanges" {
    effect     = "Deny"
    principals = { AWS = ["arn:aws:iam::444455556666:role/analytics"] }
    actions    = ["s3:PutObjectAnnotation", "s3:DeleteObjectAnnotation", "s3:UpdateObjectEncryption"]
    resources  = ["arn:aws:s3:::acme-teramot-data/*"]
  }
}

grant "partner" {
  bucket        = bucket.data
  permissions   = ["read"]
  extra_actions = ["s3:GetObjectAnnotation"]

  cross_account_role {
    name               = "partner-access"
    trusted_account_id = "210987654321"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

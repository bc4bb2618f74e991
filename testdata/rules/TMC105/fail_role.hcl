# A cross-account role's identity policy is used by the trusted account:
# extra_actions that reconfigure the bucket hand it bucket administration.
# Principals that do not name an account count as another account's.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "LegacyPartner" {
    principals = { CanonicalUser = ["79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"] }
    actions    = ["s3:PutEncryptionConfiguration"] # want: TMC105
    resources  = ["arn:aws:s3:::acme-shared-data"]
  }

  statement "DeletedRole" {
    principals = { AWS = ["AROA1234567890EXAMPLE"] }
    actions    = ["s3:PutLifecycleConfiguration"] # want: TMC105
    resources  = ["arn:aws:s3:::acme-shared-data"]
  }
}

grant "partner" {
  bucket        = bucket.data
  permissions   = ["read"]
  extra_actions = ["s3:PutEncryptionConfiguration", "s3:PutBucketLogging", "s3:PutBucketVersioning", "s3:PutLifecycleConfiguration"] # want: TMC105

  cross_account_role {
    name               = "teramot-access"
    trusted_account_id = "210987654321"
    trusted_principal  = "arn:aws:iam::210987654321:role/partner"
    external_id        = "Xk3-long-random-ext-id-9f8e7d"
  }
}

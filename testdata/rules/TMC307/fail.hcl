# A partner may overwrite and delete objects of a bucket without versioning
# (review leak L5); so may another account through the bucket policy.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name       = "acme-shared-data"
  region     = "us-east-1"
  versioning = false # want: TMC307
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read", "write", "delete"]

  cross_account_role {
    name               = "partner-rw"
    trusted_account_id = "210987654321"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

bucket "drop" {
  name       = "acme-shared-drop"
  region     = "us-east-1"
  versioning = false # want: TMC307

  statement "PartnerUpload" {
    principals = { AWS = ["arn:aws:iam::210987654321:root"] }
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-shared-drop/*"]
  }
}

# A cross-account role that reads, writes and lists, with extra actions that
# leave the bucket's configuration alone.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "LogDelivery" {
    principals = { Service = ["logging.s3.amazonaws.com"] }
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/logs/*"]
  }
}

grant "partner" {
  bucket        = bucket.data
  permissions   = ["read", "write", "list"]
  extra_actions = ["s3:GetBucketLocation", "s3:GetObjectVersion", "s3:GetBucketVersioning"]

  cross_account_role {
    name               = "teramot-access"
    trusted_account_id = "210987654321"
    trusted_principal  = "arn:aws:iam::210987654321:role/partner"
    external_id        = "Xk3-long-random-ext-id-9f8e7d"
  }
}

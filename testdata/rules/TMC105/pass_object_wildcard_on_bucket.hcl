# The renderer puts an extra action it cannot place by name (the wildcard
# s3:*Object) on the bucket ARN. There it grants no object action, such as
# s3:RestoreObject: object actions apply to object ARNs only. TMC501 reports
# the wildcard itself.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
}

grant "partner" {
  bucket        = bucket.data
  permissions   = ["read", "list"]
  extra_actions = ["s3:*Object"]

  cross_account_role {
    name               = "teramot-access"
    trusted_account_id = "210987654321"
    trusted_principal  = "arn:aws:iam::210987654321:role/partner"
    external_id        = "Xk3-long-random-ext-id-9f8e7d"
  }
}

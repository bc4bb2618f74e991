# An extra action the renderer puts on the bucket ARN (the wildcard
# s3:*Object) grants no object action there, but the wildcard is still
# reported.
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
  extra_actions = ["s3:*Object"] # want: TMC501

  cross_account_role {
    name               = "teramot-access"
    trusted_account_id = "210987654321"
    trusted_principal  = "arn:aws:iam::210987654321:role/partner"
    external_id        = "Xk3-long-random-ext-id-9f8e7d"
  }
}

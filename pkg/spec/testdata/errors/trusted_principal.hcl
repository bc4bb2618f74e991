# a trusted principal that is a user ARN.
# want: line 14: Invalid trusted principal
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]
  cross_account_role {
    name               = "partner"
    trusted_account_id = "444455556666"
    external_id        = "tmc-4f1c9a7e2b8d4c6f"
    trusted_principal  = "arn:aws:iam::444455556666:user/bob"
  }
}

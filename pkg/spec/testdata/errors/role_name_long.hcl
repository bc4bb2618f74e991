# a role name over 64 characters.
# want: line 11: Invalid IAM role name [TMC704]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]
  cross_account_role {
    name               = "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr"
    trusted_account_id = "444455556666"
    external_id        = "tmc-4f1c9a7e2b8d4c6f"
  }
}

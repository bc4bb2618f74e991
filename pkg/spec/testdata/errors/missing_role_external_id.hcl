# a cross-account role without external_id.
# want: line 10: Missing required argument
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
  }
}

# an 11-digit trusted account.
# want: line 12: Invalid trusted account id [TMC604]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]
  cross_account_role {
    name               = "partner"
    trusted_account_id = "44445555666"
    external_id        = "tmc-4f1c9a7e2b8d4c6f"
  }
}

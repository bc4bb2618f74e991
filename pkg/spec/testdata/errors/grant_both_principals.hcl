# a grant with a user and a role.
# want: line 13: Conflicting grant principals
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]
  iam_user {
    name = "partner"
  }
  cross_account_role {
    name               = "partner"
    trusted_account_id = "444455556666"
    external_id        = "tmc-4f1c9a7e2b8d4c6f"
  }
}

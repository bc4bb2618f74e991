# The role trusts the partner account without an external id.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "partner-read"
    trusted_account_id = "210987654321"
    external_id        = "" # want: TMC601
  }
}

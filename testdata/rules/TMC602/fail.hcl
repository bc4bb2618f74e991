# The external id was copied from the documentation.
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
    external_id        = "your-unique-external-id" # want: TMC602
  }
}

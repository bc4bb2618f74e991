# A random external id issued by the partner.
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
    external_id        = "8d2f6b1e-3c9a-4e7d-b5f0-a4c81e29d763"
  }
}

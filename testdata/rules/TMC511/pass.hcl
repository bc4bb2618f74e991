# A folder prefix, and no prefix (the whole bucket).
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read", "list"]
  prefix      = "team-a/"

  cross_account_role {
    name               = "partner-read"
    trusted_account_id = "210987654321"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

grant "auditor" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "auditor-read"
    trusted_account_id = "210987654321"
    external_id        = "0c9d7e1f-2b3a-4c5d-8e6f-7a8b9c0d1e2f"
  }
}

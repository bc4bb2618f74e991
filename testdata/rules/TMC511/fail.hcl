# prefix = "team-a" also grants team-admin/ and team-archive/ (review leak L3).
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read", "list"]
  prefix      = "team-a" # want: TMC511

  cross_account_role {
    name               = "partner-read"
    trusted_account_id = "210987654321"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

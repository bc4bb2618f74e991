# Not a 12-digit account id (AWS rejects the trust policy).
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "partner-read"
    trusted_account_id = "21098765432" # want: TMC604
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

# The kind of id teramotc init generates ("tmc-" and 32 random hex digits)
# and a random alphanumeric one.
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
    external_id        = "tmc-3f9a0c6e1b7d4e2a9c5f8b0d6e1a7c34"
  }
}

grant "other" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "other-read"
    trusted_account_id = "210987654321"
    external_id        = "Vr4nX8qTm2Lk7WcB9dJz"
  }
}

# Review leak2 H3: the external id of examples/setup-guide-role, random but
# printed in teramotc's repository: a copy of the example that keeps it is
# an error.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "partner-read"
    trusted_account_id = "913476520813"
    external_id        = "tmc-7f3a9c2e-acme-4b1d-9e55" # want: TMC602
  }
}

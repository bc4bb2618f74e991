# A documentation account id and the spec's own account.
aws {
  account_id = "444455556666"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "partner-read"
    trusted_account_id = "123456789012" # want: TMC604
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

grant "internal" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "internal-read"
    trusted_account_id = "444455556666" # want: TMC604
    external_id        = "0c9d7e1f-2b3a-4c5d-8e6f-7a8b9c0d1e2f"
  }
}

# Made-up ids built like the documentation's (three runs of 4 digits, an
# ascending run).
grant "vendor" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "vendor-read"
    trusted_account_id = "555566667777" # want: TMC604
    external_id        = "7a1c9e3f-5b2d-4f8a-b6c0-d1e2f3a4b5c6"
  }
}

grant "auditor" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "auditor-read"
    trusted_account_id = "345678901234" # want: TMC604
    external_id        = "c6b5a4f3-e2d1-40b6-a8f4-d2b5f3e9c1a7"
  }
}

# The partner account of teramotc's examples and README (a descending run):
# a copy that keeps it is an error until the partner's real id is set.
grant "copied" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "copied-read"
    trusted_account_id = "210987654321" # want: TMC604
    external_id        = "e4a7c2f9-1b6d-4f3e-8a5c-92d0b7f1e6a4"
  }
}

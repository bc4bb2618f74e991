# A prefix so long that the managed policy exceeds 6,144 characters.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

grant "partner" { # want: TMC506
  bucket      = bucket.data
  permissions = ["read", "list"]
  prefix      = "${join("", [for i in range(200) : "partition-${i}-"])}/"

  cross_account_role {
    name               = "partner-access"
    trusted_account_id = "210987654321"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

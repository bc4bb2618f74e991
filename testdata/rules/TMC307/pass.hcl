# Read-only sharing of an unversioned bucket, and write to a versioned one.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name       = "acme-shared-data"
  region     = "us-east-1"
  versioning = false
}

grant "reader" {
  bucket      = bucket.data
  permissions = ["read", "list"]

  cross_account_role {
    name               = "partner-read"
    trusted_account_id = "210987654321"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

bucket "versioned" {
  name   = "acme-shared-versioned"
  region = "us-east-1"
}

grant "writer" {
  bucket      = bucket.versioned
  permissions = ["read", "write", "delete"]

  cross_account_role {
    name               = "partner-rw"
    trusted_account_id = "210987654321"
    external_id        = "0c9d7e1f-2b3a-4c5d-8e6f-7a8b9c0d1e2f"
  }
}

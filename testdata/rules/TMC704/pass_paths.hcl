# Valid paths: the root, one segment, nested segments, punctuation.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "partner-access"
    path               = "/partners/eu-west/"
    trusted_account_id = "210987654321"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

grant "auditor" {
  bucket      = bucket.data
  permissions = ["read"]

  iam_user {
    name = "auditor"
    path = "/a/"
  }
}

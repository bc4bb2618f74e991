# External ids made of words, or of words around a few digits: a constant a
# partner could use for every customer (review leak L4).
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "partner-read"
    trusted_account_id = "210987654321"
    external_id        = "teramot-external-id" # want: TMC602
  }
}

grant "other" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "other-read"
    trusted_account_id = "210987654321"
    external_id        = "Partner-Secret-2024" # want: TMC602
  }
}

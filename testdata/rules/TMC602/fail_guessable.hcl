# Guessable external ids: the role name with a suffix, a digit sequence and
# a short unit repeated (review rego2 L5).
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "teramot-access"
    trusted_account_id = "210987654321"
    external_id        = "teramot-access-external-id" # want: TMC602
  }
}

grant "other" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "other-read"
    trusted_account_id = "210987654321"
    external_id        = "1234567890123456" # want: TMC602
  }
}

grant "third" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "third-read"
    trusted_account_id = "210987654321"
    external_id        = "k3x9-k3x9-k3x9-k3x9" # want: TMC602
  }
}

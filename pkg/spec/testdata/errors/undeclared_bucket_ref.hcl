# a grant on an undeclared bucket.
# want: line 8: Reference to undeclared bucket
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.dta
  permissions = ["read"]
  iam_user {
    name = "partner"
  }
}

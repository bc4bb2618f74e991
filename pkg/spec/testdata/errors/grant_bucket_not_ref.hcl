# a grant naming its bucket as a string.
# want: line 8: Invalid bucket reference
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = "data"
  permissions = ["read"]
  iam_user {
    name = "partner"
  }
}

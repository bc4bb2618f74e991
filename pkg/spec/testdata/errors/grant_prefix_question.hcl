# a grant prefix with a wildcard widens the access it should restrict.
# want: line 10: Invalid grant prefix
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = ["read", "list"]
  prefix      = "team-?/"
  iam_user {
    name = "partner"
  }
}

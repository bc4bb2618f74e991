# a grant prefix with a policy variable widens the access it should restrict.
# want: line 10: Invalid grant prefix
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = ["read", "list"]
  prefix      = "$${aws:username}/"
  iam_user {
    name = "partner"
  }
}

# a grant with an empty permission list.
# want: line 9: Grant without access
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = []
  iam_user {
    name = "partner"
  }
}

# a misspelled permission.
# want: line 9: Invalid permission
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = ["raed"]
  iam_user {
    name = "partner"
  }
}

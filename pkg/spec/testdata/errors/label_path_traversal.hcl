# a grant label that would escape the render directory.
# want: line 7: Invalid grant label
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "../../etc" {
  bucket      = bucket.data
  permissions = ["read"]
  iam_user {
    name = "partner"
  }
}

# a string where a list is expected.
# want: line 9: Incorrect attribute value type
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = "read"
  iam_user {
    name = "partner"
  }
}

# two grants creating the same IAM user.
# want: line 18: Duplicate IAM user
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]
  iam_user {
    name = "partner"
  }
}
grant "other" {
  bucket      = bucket.data
  permissions = ["read"]
  iam_user {
    name = "partner"
  }
}

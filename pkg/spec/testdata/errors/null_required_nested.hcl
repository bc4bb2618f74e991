# an IAM user name set to null.
# want: line 11: Missing required argument
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]
  iam_user {
    name = null
  }
}

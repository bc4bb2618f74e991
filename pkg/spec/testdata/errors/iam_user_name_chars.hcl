# an IAM user name with a space.
# want: line 11: Invalid IAM user name [TMC704]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]
  iam_user {
    name = "partner user"
  }
}

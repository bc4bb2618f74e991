# an IAM path "//": IAM wants "/" or "/" + at least one character + "/".
# want: line 12: Invalid IAM path [TMC704]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]
  iam_user {
    name = "partner"
    path = "//"
  }
}

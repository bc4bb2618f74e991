# a wildcard matching no action.
# want: line 10: Unknown action [TMC504]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]
  extra_actions = ["s3:Frobnicate*"]
  iam_user {
    name = "partner"
  }
}

# two grants with one label.
# want: line 14: Duplicate grant block
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
grant "partner" {
  bucket      = bucket.data
  permissions = ["list"]
  iam_user {
    name = "partner2"
  }
}

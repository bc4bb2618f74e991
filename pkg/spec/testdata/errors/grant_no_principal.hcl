# a grant with neither user nor role.
# want: line 7: Missing grant principal
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]
}

# a malformed version constraint.
# want: line 4: Invalid required_version
teramotc {
  required_version = "latest"
}
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

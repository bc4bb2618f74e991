# a spec for a newer teramotc.
# want: line 4: Unsupported teramotc version
teramotc {
  required_version = ">= 99.0"
}
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

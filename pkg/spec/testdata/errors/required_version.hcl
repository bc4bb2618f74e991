# a spec for a newer teramotc.
# version: 0.1.0-dev
# want: line 5: Unsupported teramotc version
teramotc {
  required_version = ">= 99.0"
}
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

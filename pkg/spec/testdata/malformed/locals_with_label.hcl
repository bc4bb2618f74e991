locals "x" {
  a = 1
}
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

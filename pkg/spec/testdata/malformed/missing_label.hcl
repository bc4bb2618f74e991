bucket {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

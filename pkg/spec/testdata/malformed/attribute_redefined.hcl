bucket "data" {
  name   = "teramot-fixture-data"
  name   = "teramot-fixture-other"
  region = "us-east-1"
}

bucket "data" {
  1name  = "teramot-fixture-data"
  region = "us-east-1"
}

bucket "data" "more" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

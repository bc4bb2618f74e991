bucket "data" {
  näme  = "teramot-fixture-data"
  region = "us-east-1"
}

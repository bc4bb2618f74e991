bucket "data" {
  name = "teramot-fixture-data"

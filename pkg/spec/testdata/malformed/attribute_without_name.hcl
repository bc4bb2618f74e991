bucket "data" {
  = "teramot-fixture-data"
}

bucket "data" {
  name       = "teramot-fixture-data"
  region     = "us-east-1"
  versioning = 1.2.3
}

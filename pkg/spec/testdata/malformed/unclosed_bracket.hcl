bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  tags   = { a = [1, 2 }
}

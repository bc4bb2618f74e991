bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  tags   = { a = "1" b = "2" c }
}

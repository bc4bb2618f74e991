bucket "data" {
  name   = "teramot-ÿþ-data"
  region = "us-east-1"
}

bucket "data" {
  name   = "teramot\qdata"
  region = "us-east-1"
}

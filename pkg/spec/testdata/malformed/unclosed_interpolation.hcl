bucket "data" {
  name   = "teramot-${var.x"
  region = "us-east-1"
}

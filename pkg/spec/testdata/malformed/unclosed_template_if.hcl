bucket "data" {
  name   = "%{ if true }x"
  region = "us-east-1"
}

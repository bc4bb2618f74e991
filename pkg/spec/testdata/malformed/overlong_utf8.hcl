bucket "data" {
  name   = "À¯"
  region = "us-east-1"
}

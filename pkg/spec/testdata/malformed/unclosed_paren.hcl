bucket "data" {
  name   = lower("X"
  region = "us-east-1"
}

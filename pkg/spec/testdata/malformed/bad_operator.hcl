bucket "data" {
  name   = "a" ++ "b"
  region = "us-east-1"
}

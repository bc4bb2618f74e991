bucket "data" {
  name =
  region = "us-east-1"
}

# All four flags take the secure default.
bucket "data" {
  name   = "acme-private-data"
  region = "us-east-1"
}

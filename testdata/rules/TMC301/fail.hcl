bucket "data" {
  name       = "acme-shared-data"
  region     = "us-east-1"
  versioning = false # want: TMC301
}

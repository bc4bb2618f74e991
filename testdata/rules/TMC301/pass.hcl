# versioning defaults to true.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
}

bucket "explicit" {
  name       = "acme-shared-explicit"
  region     = "us-east-1"
  versioning = true
}

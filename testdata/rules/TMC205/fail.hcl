bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  encryption {
    algorithm = "AES256" # want: TMC205
  }
}

# No encryption block: the AES256 default, reported at the bucket.
bucket "other" { # want: TMC205
  name   = "acme-shared-other"
  region = "us-east-1"
}

bucket "data" {
  name             = "acme-shared-data"
  region           = "us-east-1"
  object_ownership = "BucketOwnerEnforced"
}

# The default is BucketOwnerEnforced.
bucket "archive" {
  name   = "acme-shared-archive"
  region = "us-east-1"
}

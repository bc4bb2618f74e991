bucket "data" {
  name             = "acme-shared-data"
  region           = "us-east-1"
  object_ownership = "ObjectWriter" # want: TMC103
}

bucket "archive" {
  name             = "acme-shared-archive"
  region           = "us-east-1"
  object_ownership = "BucketOwnerPreferred" # want: TMC103
}

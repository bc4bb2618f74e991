# The only noncurrent rule is scoped to a prefix: noncurrent versions of
# every other object are kept forever.
bucket "data" {
  name       = "acme-shared-data"
  region     = "us-east-1"
  versioning = true # want: TMC303

  lifecycle_rule "Scratch" {
    prefix                       = "tmp/scratch/"
    noncurrent_expiration_days   = 7
    abort_incomplete_upload_days = 7
  }
}

# The only abort rule is scoped to a prefix: incomplete uploads of every
# other key are kept forever.
bucket "data" { # want: TMC304
  name   = "acme-shared-data"
  region = "us-east-1"

  lifecycle_rule "Scratch" {
    prefix                       = "tmp/scratch/"
    noncurrent_expiration_days   = 7
    abort_incomplete_upload_days = 7
  }
}

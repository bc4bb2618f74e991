# The shorthand turns all four flags off: one finding on it.
bucket "data" {
  name                = "acme-open-data"
  region              = "us-east-1"
  block_public_access = false # want: TMC101
}

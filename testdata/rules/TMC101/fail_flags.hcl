# Flags set one by one: each false flag is reported where it is written.
bucket "data" {
  name   = "acme-partly-open"
  region = "us-east-1"

  public_access_block {
    block_public_acls       = true
    ignore_public_acls      = false # want: TMC101
    block_public_policy     = true
    restrict_public_buckets = false # want: TMC101
  }
}

bucket "data" {
  name   = "acme-private-data"
  region = "us-east-1"

  public_access_block {
    block_public_acls       = true
    ignore_public_acls      = true
    block_public_policy     = true
    restrict_public_buckets = true
  }
}

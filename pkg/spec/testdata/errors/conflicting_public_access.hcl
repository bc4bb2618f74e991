# block_public_access with a public_access_block block.
# want: line 7: Conflicting public access settings
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  block_public_access = true
  public_access_block {
    block_public_acls = true
  }
}

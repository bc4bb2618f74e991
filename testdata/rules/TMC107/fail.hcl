# block_public_policy is on (the default): S3 rejects the public statement.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "AnyoneRead" {
    principals = "*" # want: TMC107
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
  }
}

# Valid names and path.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]

  iam_user {
    name        = "partner-reader@acme.com"
    path        = "/partners/"
    policy_name = "partner-s3-read"
  }
}

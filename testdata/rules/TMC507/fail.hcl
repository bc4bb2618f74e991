# An IAM user with a long-lived access key.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]

  iam_user {
    name              = "partner-reader"
    policy_name       = "partner-s3-read"
    create_access_key = true # want: TMC507
  }
}

# A user name with a space and a path without slashes.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]

  iam_user {
    name        = "partner reader" # want: TMC704
    path        = "partners" # want: TMC704
    policy_name = "partner-s3-read"
  }
}

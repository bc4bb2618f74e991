# extra actions of KMS and STS would render on the bucket ARN and grant nothing.
# want: line 11: Extra action of another service
# want: line 11: Extra action of another service
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket        = bucket.data
  permissions   = ["read"]
  extra_actions = ["kms:Decrypt", "s3:GetObjectVersion", "sts:AssumeRole"]
  iam_user {
    name = "partner"
  }
}

# The access keys of an IAM user are handed to the partner: extra_actions
# that switch off the bucket's guardrails count like a partner role's (H3).
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
}

grant "teramot" {
  bucket        = bucket.data
  permissions   = ["read", "list"]
  extra_actions = ["s3:PutBucketLogging", "s3:PutBucketVersioning", "s3:PutLifecycleConfiguration", "s3:PutEncryptionConfiguration", "s3:DeleteBucket"] # want: TMC105

  iam_user {
    name = "teramot-service-user"
  }
}

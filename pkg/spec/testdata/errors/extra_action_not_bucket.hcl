# an S3 action on Resource "*" (ListAllMyBuckets) or on jobs (CreateJob).
# want: line 11: Extra action not on a bucket or object
# want: line 11: Extra action not on a bucket or object
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}
grant "partner" {
  bucket        = bucket.data
  permissions   = ["read"]
  extra_actions = ["s3:ListAllMyBuckets", "s3:GetBucketLocation", "s3:CreateJob"]
  iam_user {
    name = "partner"
  }
}

# A Deny of every action on the objects under one prefix: PutBucketPolicy
# acts on the bucket ARN, so nobody is locked out of the policy.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "Quarantine" {
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:*"]
    resources  = ["arn:aws:s3:::acme-shared-data/quarantine/*"]
  }
}

# Extra actions go on the resource type AWS defines for them, whatever their
# name or case: object actions without "Object" in the name on object ARNs,
# a bucket action with "Object" in its name on the bucket ARN.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]
  extra_actions = [
    "s3:InitiateReplication",
    "s3:BypassGovernanceRetention",
    "s3:GetBucketObjectLockConfiguration",
    "s3:getobjectversion",
    "S3:ListBucketVersions",
  ]

  cross_account_role {
    name               = "partner-access"
    trusted_account_id = "210987654321"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

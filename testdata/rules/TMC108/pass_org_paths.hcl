# A service principal scoped to an organization path (review-diff4 L2):
# aws:SourceOrgPaths with a fixed organization id, as AWS documents it.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "OrgUnitConfig" {
    principals = { Service = ["config.amazonaws.com"] }
    actions    = ["s3:GetBucketAcl"]
    resources  = ["arn:aws:s3:::acme-shared-data"]
    condition {
      test     = "ForAnyValue:StringLike"
      variable = "aws:SourceOrgPaths"
      values   = ["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"]
    }
  }
}

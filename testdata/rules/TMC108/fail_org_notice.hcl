# A service principal scoped to an organization (aws:SourceOrgID) or an
# organization path with a fixed organization id (aws:SourceOrgPaths, as
# AWS documents it, review-diff4 L2) passes the error, but lint cannot
# check that the organization is the own one: a notice (review-leak2 L1).
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
    condition { # want: TMC108
      test     = "ForAnyValue:StringLike"
      variable = "aws:SourceOrgPaths"
      values   = ["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"]
    }
  }

  statement "OrgTrails" {
    principals = { Service = ["cloudtrail.amazonaws.com"] }
    actions    = ["s3:GetBucketAcl"]
    resources  = ["arn:aws:s3:::acme-shared-data"]
    condition { # want: TMC108
      test     = "StringEquals"
      variable = "aws:SourceOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

# An organization path whose organization id is a wildcard scopes nothing.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "AnyOrgConfig" {
    principals = { Service = ["config.amazonaws.com"] } # want: TMC108
    actions    = ["s3:GetBucketAcl"]
    resources  = ["arn:aws:s3:::acme-shared-data"]
    condition {
      test     = "ForAnyValue:StringLike"
      variable = "aws:SourceOrgPaths"
      values   = ["o-*/r-ab12/*"]
    }
  }
}

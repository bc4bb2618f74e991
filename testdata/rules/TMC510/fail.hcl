# A grant's prefix limits object actions and listings, not the other
# bucket-level actions; the ones TMC105 reports are left to it.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
}

grant "uploads" {
  bucket        = bucket.data
  permissions   = ["read", "write", "list"]
  prefix        = "partner/"
  extra_actions = ["s3:ListBucketVersions", "s3:ListBucketMultipartUploads", "s3:PutBucketCORS"] # want: TMC510

  cross_account_role {
    name               = "partner-uploads"
    trusted_account_id = "210987654321"
    trusted_principal  = "arn:aws:iam::210987654321:role/uploader"
    external_id        = "Zq8vN3kLp2Xw7Rt5Yb1Hc9Md"
  }
}

grant "settings" {
  bucket        = bucket.data
  permissions   = ["read"]
  prefix        = "reports/"
  extra_actions = ["s3:GetBucketPolicy", "s3:GetBucketLocation"] # want: TMC510

  iam_user {
    name = "partner-reports"
  }
}

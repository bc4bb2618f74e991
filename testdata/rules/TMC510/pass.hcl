# The presets with a prefix, bucket-level reads without one, version reads
# on an unversioned bucket or for an own-account role.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
}

bucket "scratch" {
  name       = "acme-shared-scratch"
  region     = "us-east-1"
  versioning = false
}

grant "presets" {
  bucket      = bucket.data
  permissions = ["read", "write", "delete", "list"]
  prefix      = "partner/"

  cross_account_role {
    name               = "partner-role"
    trusted_account_id = "210987654321"
    trusted_principal  = "arn:aws:iam::210987654321:role/reader"
    external_id        = "Zq8vN3kLp2Xw7Rt5Yb1Hc9Md"
  }
}

grant "whole" {
  bucket        = bucket.data
  permissions   = ["read", "list"]
  extra_actions = ["s3:GetBucketLocation", "s3:ListBucketMultipartUploads"]

  iam_user {
    name = "partner-user"
  }
}

grant "scratch" {
  bucket        = bucket.scratch
  permissions   = ["read", "list"]
  extra_actions = ["s3:GetObjectVersion", "s3:ListBucketVersions"]

  iam_user {
    name = "partner-scratch"
  }
}

grant "own" {
  bucket        = bucket.data
  permissions   = ["read"]
  extra_actions = ["s3:GetObjectVersion"]

  cross_account_role {
    name               = "own-restore"
    trusted_account_id = "111122223333"
    external_id        = "Zq8vN3kLp2Xw7Rt5Yb1Hc9Me"
  }
}

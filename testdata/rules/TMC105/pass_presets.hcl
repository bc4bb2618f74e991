# The permission presets (read, write, delete, list), with and without a
# prefix, for a partner role and an IAM user, grant no bucket
# administration; nor does an own-account role.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
}

grant "role" {
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

grant "user" {
  bucket      = bucket.data
  permissions = ["read", "write", "delete", "list"]

  iam_user {
    name = "partner-user"
  }
}

grant "user_prefix" {
  bucket      = bucket.data
  permissions = ["read", "list"]
  prefix      = "reports/"

  iam_user {
    name = "partner-reports"
  }
}

grant "own" {
  bucket        = bucket.data
  permissions   = ["read"]
  extra_actions = ["s3:PutBucketVersioning"]

  cross_account_role {
    name               = "own-ops"
    trusted_account_id = "111122223333"
    external_id        = "Zq8vN3kLp2Xw7Rt5Yb1Hc9Me"
  }
}

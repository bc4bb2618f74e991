# On a versioned bucket (the default), version reads let the partner read
# or list what the owner deleted or overwrote (L7).
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  # Outside any grant, and a version read: one finding, at the statement.
  statement "PartnerVersions" { # want: TMC510
    principals = { AWS = ["arn:aws:iam::210987654321:root"] }
    actions    = ["s3:GetObjectVersionAcl"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
  }
}

grant "partner" {
  bucket        = bucket.data
  permissions   = ["read", "list"]
  extra_actions = ["s3:GetObjectVersion", "s3:ListBucketVersions"] # want: TMC510

  cross_account_role {
    name               = "partner-role"
    trusted_account_id = "210987654321"
    trusted_principal  = "arn:aws:iam::210987654321:role/reader"
    external_id        = "Zq8vN3kLp2Xw7Rt5Yb1Hc9Md"
  }
}

grant "user" {
  bucket        = bucket.data
  permissions   = ["read"]
  # The renderer puts a wildcard on the bucket ARN, where s3:GetObject*
  # reads no object version (TMC501 reports the wildcard).
  extra_actions = ["s3:GetObject*"]

  iam_user {
    name = "partner-user"
  }
}

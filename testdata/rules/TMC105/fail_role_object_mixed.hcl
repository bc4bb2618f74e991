# An admin action from extra_actions (s3:PutObjectAcl) beside actions of
# permissions in the same statement is reported at extra_actions.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
}

grant "partner" {
  bucket        = bucket.data
  permissions   = ["read", "list"]
  extra_actions = ["s3:GetObjectVersion", "s3:PutObjectAcl"] # want: TMC105

  cross_account_role {
    name               = "partner-shared-data"
    trusted_account_id = "210987654321"
    external_id        = "Zq8xPp2mK4vT9wLr3aB7"
    policy_name        = "partner-shared-data-read"
  }
}

# Access logs written into a bucket that a grant shares with a partner: the
# partner reads who requested which object of the data bucket, and when.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
  access_logging {
    target_bucket = bucket.logs.name # want: TMC402
    target_prefix = "data/"
  }
}

bucket "logs" {
  name   = "acme-teramot-access-logs"
  region = "us-east-1"
}

grant "auditor" {
  bucket      = bucket.logs
  permissions = ["read", "list"]
  cross_account_role {
    name               = "log-reader"
    trusted_account_id = "210987654321"
    trusted_principal  = "arn:aws:iam::210987654321:role/reader"
    external_id        = "Zq8vN3kLp2Xw7Rt5Yb1Hc9Md"
  }
}

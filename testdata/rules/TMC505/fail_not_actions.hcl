# An Allow with not_actions grants every S3 action it does not list: the
# suppressed TMC501 must not hide the permission-management actions left in.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "AllButDelete" {
    principals = { AWS = ["arn:aws:iam::111122223333:role/analytics"] }
    # teramotc:ignore TMC501 -- analytics may do everything except delete objects
    not_actions = ["s3:DeleteObject", "s3:DeleteObjectVersion"] # want: TMC505
    resources   = ["arn:aws:s3:::acme-shared-data", "arn:aws:s3:::acme-shared-data/*"]
  }
}

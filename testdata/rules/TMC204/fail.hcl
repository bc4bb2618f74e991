# Reading objects through extra_actions: teramotc adds kms:Decrypt only for
# the read permission, so this grant cannot decrypt what it may download.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  encryption {
    algorithm   = "aws:kms"
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}

grant "reader" {
  bucket        = bucket.data
  permissions   = ["list"]
  extra_actions = ["s3:GetObject"] # want: TMC204

  iam_user {
    name        = "acme-reader"
    policy_name = "acme-reader-access"
  }
}

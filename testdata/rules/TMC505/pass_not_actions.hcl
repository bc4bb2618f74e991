# not_actions in a Deny narrows what is denied and grants nothing; an Allow
# whose not_actions exclude every S3 action grants no S3 action at all.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "DenyAllButRead" {
    effect      = "Deny"
    principals  = { AWS = ["arn:aws:iam::444455556666:root"] }
    not_actions = ["s3:GetObject", "s3:ListBucket"]
    resources   = ["arn:aws:s3:::acme-shared-data", "arn:aws:s3:::acme-shared-data/*"]
  }

  statement "NothingOfS3" {
    principals  = { AWS = ["arn:aws:iam::111122223333:role/analytics"] }
    # teramotc:ignore TMC501 -- grants no S3 action
    not_actions = ["s3:*"]
    resources   = ["arn:aws:s3:::acme-shared-data/*"]
  }
}

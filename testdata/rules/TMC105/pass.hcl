aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "PartnerRead" {
    principals = { AWS = ["arn:aws:iam::444455556666:root"] }
    actions    = ["s3:GetObject", "s3:ListBucket"]
    resources  = ["arn:aws:s3:::acme-shared-data", "arn:aws:s3:::acme-shared-data/*"]
  }

  statement "OwnAdmin" {
    principals = { AWS = ["arn:aws:iam::111122223333:role/platform-admin"] }
    actions    = ["s3:PutBucketPolicy", "s3:DeleteBucketPolicy"]
    resources  = ["arn:aws:s3:::acme-shared-data"]
  }
}

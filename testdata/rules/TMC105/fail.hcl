aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "PartnerAdmin" {
    principals = { AWS = ["arn:aws:iam::444455556666:root"] }
    actions    = ["s3:GetObject", "s3:PutBucketPolicy"] # want: TMC105
    resources  = ["arn:aws:s3:::acme-shared-data", "arn:aws:s3:::acme-shared-data/*"]
  }

  statement "PartnerWrite" {
    principals = { AWS = ["arn:aws:iam::444455556666:role/uploader"] }
    actions    = ["s3:Put*"] # want: TMC105
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
  }
}

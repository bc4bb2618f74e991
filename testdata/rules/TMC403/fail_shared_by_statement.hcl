# No grant, but the bucket policy lets another account read: the bucket is
# shared and its data events need a trail.
aws {
  account_id = "111122223333"
}

bucket "data" { # want: TMC403
  name   = "acme-teramot-data"
  region = "us-east-1"

  statement "PartnerRead" {
    principals = { AWS = ["arn:aws:iam::210987654321:root"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-teramot-data/*"]
  }
}

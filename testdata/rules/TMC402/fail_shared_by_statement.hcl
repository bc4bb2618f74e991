# Access logs written into a bucket whose policy lets another account read.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
  access_logging {
    target_bucket = "acme-teramot-access-logs" # want: TMC402
  }
}

bucket "logs" {
  name   = "acme-teramot-access-logs"
  region = "us-east-1"

  statement "PartnerRead" {
    principals = { AWS = ["arn:aws:iam::210987654321:root"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-teramot-access-logs/*"]
  }
}

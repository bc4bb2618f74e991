# Unique alphanumeric Sids.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  statement "AnalyticsRead" {
    principals = { AWS = ["arn:aws:iam::444455556666:role/analytics"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-teramot-data/*"]
  }

  statement "AnalyticsRead2" {
    principals = { AWS = ["arn:aws:iam::444455556666:role/analytics"] }
    actions    = ["s3:GetObjectVersion"]
    resources  = ["arn:aws:s3:::acme-teramot-data/*"]
  }
}

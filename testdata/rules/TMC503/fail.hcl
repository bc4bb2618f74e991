# Object actions on the bucket ARN, and a bucket action on object ARNs.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  statement "AnalyticsRead" {
    principals = { AWS = ["arn:aws:iam::444455556666:role/analytics"] }
    actions    = ["s3:GetObject"] # want: TMC503
    resources  = ["arn:aws:s3:::acme-teramot-data"]
  }

  statement "AnalyticsList" {
    principals = { AWS = ["arn:aws:iam::444455556666:role/analytics"] }
    actions    = ["s3:ListBucket"] # want: TMC503
    resources  = ["arn:aws:s3:::acme-teramot-data/*"]
  }
}

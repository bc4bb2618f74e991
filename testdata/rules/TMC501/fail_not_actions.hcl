# An Allow with not_actions allows everything it does not list.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  statement "AnalyticsMost" {
    principals  = { AWS = ["arn:aws:iam::444455556666:role/analytics"] }
    not_actions = ["s3:DeleteObject"] # want: TMC501
    resources   = ["arn:aws:s3:::acme-teramot-data/*"]
  }
}

# a statement with no resources.
# want: line 9: Empty resources
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  statement "Read" {
    principals = { AWS = ["arn:aws:iam::444455556666:root"] }
    actions    = ["s3:GetObject"]
    resources  = []
  }
}

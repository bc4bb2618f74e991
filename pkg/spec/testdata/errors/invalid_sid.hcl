# a Sid with a dash.
# want: line 6: Invalid statement id [TMC508]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  statement "Allow-Read" {
    principals = { AWS = ["arn:aws:iam::444455556666:root"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-fixture-data/*"]
  }
}

# two statements with one Sid.
# want: line 11: Duplicate statement id [TMC508]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  statement "Read" {
    principals = { AWS = ["arn:aws:iam::444455556666:root"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-fixture-data/*"]
  }
  statement "Read" {
    principals = { AWS = ["arn:aws:iam::444455556666:root"] }
    actions    = ["s3:ListBucket"]
    resources  = ["arn:aws:s3:::teramot-fixture-data"]
  }
}

# a misspelled S3 action.
# want: line 8: Unknown action [TMC504]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  statement "Read" {
    principals = { AWS = ["arn:aws:iam::444455556666:root"] }
    actions    = ["s3:GetObjekt"]
    resources  = ["arn:aws:s3:::teramot-fixture-data/*"]
  }
}

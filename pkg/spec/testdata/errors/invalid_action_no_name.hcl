# actions without a name or without a service are not IAM actions at all
# (not unknown actions of a service).
# want: line 9: Invalid action [TMC504]
# want: line 9: Invalid action [TMC504]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  statement "Read" {
    actions    = ["s3:", ":GetObject"]
    principals = { AWS = ["arn:aws:iam::444455556666:root"] }
    resources  = ["arn:aws:s3:::teramot-fixture-data/*"]
  }
}

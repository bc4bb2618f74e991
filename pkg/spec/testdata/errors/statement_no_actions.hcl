# a statement with neither actions nor not_actions.
# want: line 6: Invalid statement actions
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  statement "Read" {
    principals = { AWS = ["arn:aws:iam::444455556666:root"] }
    resources  = ["arn:aws:s3:::teramot-fixture-data/*"]
  }
}

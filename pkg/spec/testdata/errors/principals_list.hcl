# principals written as a list of ARNs instead of a map of type to ARNs.
# want: line 8: Invalid principals
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  statement "Read" {
    actions    = ["s3:GetObject"]
    principals = ["arn:aws:iam::444455556666:root"]
    resources  = ["arn:aws:s3:::teramot-fixture-data/*"]
  }
}

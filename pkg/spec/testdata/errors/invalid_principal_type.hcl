# a misspelled principal type.
# want: line 9: Invalid principal type
# (it was the only type, so the statement names no principal: TMC509 too)
# want: line 9: Invalid principals [TMC509]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  statement "Read" {
    principals = { Aws = ["arn:aws:iam::444455556666:root"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-fixture-data/*"]
  }
}

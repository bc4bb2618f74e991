# a misspelled principal type: one error, with no TMC509 "no principal"
# cascade (the statement does name a principal).
# want: line 8: Invalid principal type
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  statement "Read" {
    principals = { Aws = ["arn:aws:iam::444455556666:root"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-fixture-data/*"]
  }
}

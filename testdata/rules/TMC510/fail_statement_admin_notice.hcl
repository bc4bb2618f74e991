# review-diff6b F4: s3:RestoreObject is only a TMC105 notice (restores are
# billed to the owner); it does not hand the statement over to TMC105, so
# the sharing of every object is still reported.
aws {
  account_id = "123456789012"
}

bucket "data" {
  name   = "acme-leak-data"
  region = "us-east-1"

  statement "Partner" { # want: TMC510
    principals = { AWS = ["arn:aws:iam::999988887777:root"] }
    actions    = ["s3:GetObject", "s3:RestoreObject"]
    resources  = ["arn:aws:s3:::acme-leak-data/*"]
  }
}

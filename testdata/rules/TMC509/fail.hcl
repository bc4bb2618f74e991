# Statements S3 rejects as MalformedPolicy: no principal, a principal type
# without identifiers, an AWS principal that is a bare name, and resources
# that are not this bucket's or its objects' ARNs.
bucket "data" {
  name   = "teramot-audit-data"
  region = "us-east-1"

  statement "NoPrincipal" {
    principals = {} # want: TMC509
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-audit-data/*"]
  }

  statement "EmptyAWS" {
    principals = { AWS = [] } # want: TMC509
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-audit-data/*"]
  }

  statement "BareName" {
    principals = { AWS = ["bob"] } # want: TMC509
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-audit-data/*"]
  }

  statement "OtherBucket" {
    principals = { AWS = ["arn:aws:iam::444455556666:role/analytics"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::other-bucket/*"] # want: TMC509
  }

  statement "NotAnArn" {
    principals = { AWS = ["444455556666"] }
    actions    = ["s3:GetObject"]
    resources  = ["teramot-audit-data/*"] # want: TMC509
  }

  statement "IamArn" {
    principals = { AWS = ["444455556666"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-audit-data/*", "arn:aws:iam::1:role/x"] # want: TMC509
  }
}

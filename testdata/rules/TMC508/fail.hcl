# A Sid with a hyphen, and a Sid that the compiler already uses.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  statement "analytics-read" { # want: TMC508
    principals = { AWS = ["arn:aws:iam::444455556666:role/analytics"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-teramot-data/*"]
  }

  statement "DenyInsecureTransport" { # want: TMC508
    effect     = "Deny"
    principals = { AWS = ["arn:aws:iam::444455556666:role/analytics"] }
    actions    = ["s3:DeleteObject"]
    resources  = ["arn:aws:s3:::acme-teramot-data/*"]
  }
}

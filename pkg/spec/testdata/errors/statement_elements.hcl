# principals and resources S3 rejects in a bucket policy (MalformedPolicy).
# want: line 8: Invalid principals [TMC509]
# want: line 14: Resource outside the bucket [TMC509]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  statement "BareName" {
    principals = { AWS = ["bob"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-fixture-data/*"]
  }
  statement "OtherBucket" {
    principals = { AWS = ["444455556666"] }
    resources  = ["arn:aws:s3:::other-bucket/*"]
    actions    = ["s3:GetObject"]
  }
}

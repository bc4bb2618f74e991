# a bucket name referring to itself.
# want: line 4: Reference cycle
bucket "data" {
  name   = "${bucket.data.arn}-x"
  region = "us-east-1"
}

# a tag key with the aws: prefix.
# want: line 7: Reserved tag key [TMC703]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  tags = {
    "aws:owner" = "me"
  }
}

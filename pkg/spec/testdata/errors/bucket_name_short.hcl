# a two-letter bucket name.
# want: line 4: Invalid bucket name [TMC701]
bucket "data" {
  name   = "ab"
  region = "us-east-1"
}

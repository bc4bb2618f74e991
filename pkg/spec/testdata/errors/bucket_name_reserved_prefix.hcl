# a bucket name with a reserved prefix.
# want: line 4: Invalid bucket name [TMC701]
bucket "data" {
  name   = "xn--teramot-data"
  region = "us-east-1"
}

# a bucket name with adjacent dots.
# want: line 4: Invalid bucket name [TMC701]
bucket "data" {
  name   = "teramot..data"
  region = "us-east-1"
}

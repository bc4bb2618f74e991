# a bucket name with uppercase letters.
# want: line 4: Invalid bucket name [TMC701]
bucket "data" {
  name   = "Teramot-Data"
  region = "us-east-1"
}

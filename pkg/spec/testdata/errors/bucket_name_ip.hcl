# a bucket name in IP form.
# want: line 4: Invalid bucket name [TMC701]
bucket "data" {
  name   = "192.168.10.20"
  region = "us-east-1"
}

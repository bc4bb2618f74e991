# a bucket without a name.
# want: line 3: Missing required argument
bucket "data" {
  region = "us-east-1"
}

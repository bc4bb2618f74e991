# a required attribute set to null.
# want: line 4: Missing required argument
bucket "data" {
  name   = null
  region = "us-east-1"
}

# a reference to an undeclared local.
# want: line 4: Reference to undeclared local value
bucket "data" {
  name   = local.bucket_name
  region = "us-east-1"
}

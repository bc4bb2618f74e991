# a reference with an unknown root.
# want: line 4: Unknown reference
bucket "data" {
  name   = vars.name
  region = "us-east-1"
}

# A reserved tag key, a value over 256 characters, and characters tags do
# not accept.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  tags = {
    owner       = "data-platform"
    "aws:owner" = "data-platform" # want: TMC703
    description = "${join("", [for i in range(30) : "0123456789"])}" # want: TMC703
    "a,b"       = "x!y" # want: TMC703
  }
}

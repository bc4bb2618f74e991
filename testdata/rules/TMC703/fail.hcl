# A reserved tag key and a value over 256 characters.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  tags = {
    owner       = "data-platform"
    "aws:owner" = "data-platform" # want: TMC703
    description = "${join("", [for i in range(30) : "0123456789"])}" # want: TMC703
  }
}

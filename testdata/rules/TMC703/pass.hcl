# Tags within limits.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  tags = {
    owner       = "data-platform"
    "team:name" = "analytics"
    description = "${join("", [for i in range(25) : "0123456789"])}"
  }
}

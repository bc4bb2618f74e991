# Tags within limits.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  tags = {
    owner       = "data-platform"
    "team:name" = "analytics"
    "équipe"    = "données/2026 a_b.c=d+e-f@g"
    description = "${join("", [for i in range(25) : "0123456789"])}"
  }
}

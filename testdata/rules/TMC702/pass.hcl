# Hyphens instead of dots.
bucket "data" {
  name   = "data-acme-example"
  region = "us-east-1"
}

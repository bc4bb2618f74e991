# Dots break virtual-hosted HTTPS.
bucket "data" {
  name   = "data.acme.example" # want: TMC702
  region = "us-east-1"
}

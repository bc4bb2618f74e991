bucket "data" {
  name        = "acme-shared-data"
  region      = "us-east-1"
  require_tls = false # want: TMC104
}

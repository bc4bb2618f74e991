# require_tls defaults to true: teramotc renders the TLS deny.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
}

# A bucket without server access logging.
bucket "data" { # want: TMC401
  name   = "acme-teramot-data"
  region = "us-east-1"
}

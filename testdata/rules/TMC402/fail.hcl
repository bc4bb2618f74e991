# The bucket logs its own requests into itself.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  access_logging {
    target_bucket = "acme-teramot-data" # want: TMC402
    target_prefix = "logs/"
  }
}

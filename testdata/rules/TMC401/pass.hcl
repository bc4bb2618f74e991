# Logs go to a bucket managed elsewhere.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  access_logging {
    target_bucket = "acme-central-access-logs"
    target_prefix = "acme-teramot-data/"
  }
}

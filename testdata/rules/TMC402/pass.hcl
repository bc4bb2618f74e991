# Logs go to a declared log bucket, which gets the log delivery statement.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  access_logging {
    target_bucket = bucket.logs.name
    target_prefix = "data/"
  }
}

bucket "logs" {
  name   = "acme-teramot-logs"
  region = "us-east-1"

  encryption {
    require_encrypted_uploads = false
  }
}

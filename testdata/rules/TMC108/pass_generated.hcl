# The log delivery statements teramotc renders into declared log buckets
# (access logging and a trail) are scoped: the source bucket's ARN and the
# account, and the trail's ARN.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  access_logging {
    target_bucket = bucket.logs.name
    target_prefix = "data/"
  }
}

bucket "logs" {
  name   = "acme-shared-logs"
  region = "us-east-1"
}

trail "data" {
  bucket     = bucket.data
  log_bucket = bucket.logs.name
}

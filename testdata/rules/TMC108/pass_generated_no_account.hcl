# Without aws.account_id the access log statement names only the source
# bucket's ARN, a fixed source, and the CloudTrail statements are not
# rendered (TMC405 asks for the account).
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

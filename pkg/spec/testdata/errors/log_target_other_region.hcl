# access logs to declared buckets in another region, by reference and by
# name; a target in the same region is fine.
# want: line 10: Log target in another region
# want: line 20: Log target in another region
bucket "data" {
  name   = "teramot-fixture-data"
  region = "eu-west-1"

  access_logging {
    target_bucket = bucket.logs.name
    target_prefix = "data/"
  }
}

bucket "raw" {
  name   = "teramot-fixture-raw"
  region = "eu-west-1"

  access_logging {
    target_bucket = "teramot-fixture-logs"
  }
}

bucket "logs" {
  name   = "teramot-fixture-logs"
  region = "us-east-1"

  access_logging {
    target_bucket = bucket.local.name
  }
}

bucket "local" {
  name   = "teramot-fixture-local-logs"
  region = "us-east-1"
}

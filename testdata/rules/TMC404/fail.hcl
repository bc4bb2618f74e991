# A trail that logs one region, does not validate its files and uses no KMS key.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

trail "audit" { # want: TMC404
  bucket              = bucket.data
  log_bucket          = "acme-central-cloudtrail"
  read_events         = true
  write_events        = true
  multi_region        = false # want: TMC404
  log_file_validation = false # want: TMC404
}

# The trail encrypts its log files with a key of another region than its
# log bucket: CloudTrail needs a key of the log bucket's region.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "eu-west-1"
}

bucket "logs" {
  name   = "acme-shared-trail-logs"
  region = "eu-west-1"
}

trail "audit" {
  bucket      = bucket.data
  log_bucket  = bucket.logs.name
  kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" # want: TMC202
}

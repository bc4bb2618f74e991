# a trail's KMS key of another region than its log bucket, which the spec
# declares and the trail names by its literal name instead of a reference.
# want: line 15: Trail KMS key in another region [TMC202]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "eu-west-1"
}
bucket "logs" {
  name   = "teramot-fixture-logs"
  region = "eu-west-1"
}
trail "audit" {
  bucket      = bucket.data
  log_bucket  = "teramot-fixture-logs"
  kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

# a bucket key with DSSE-KMS.
# want: line 9: Bucket key with DSSE-KMS [TMC202]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  encryption {
    algorithm   = "aws:kms:dsse"
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    bucket_key  = true
  }
}

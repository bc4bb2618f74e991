# a KMS key of another region than the bucket's.
# want: line 8: KMS key in another region [TMC202]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "eu-west-1"
  encryption {
    algorithm   = "aws:kms"
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}

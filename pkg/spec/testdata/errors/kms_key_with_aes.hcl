# a KMS key with AES256.
# want: line 8: KMS key without a KMS algorithm [TMC202]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  encryption {
    algorithm   = "AES256"
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}

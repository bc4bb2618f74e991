# a KMS alias instead of a key ARN.
# want: line 8: KMS alias instead of key ARN [TMC202]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  encryption {
    algorithm   = "aws:kms"
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:alias/data"
  }
}

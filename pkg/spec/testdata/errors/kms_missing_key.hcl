# aws:kms without a key.
# want: line 7: Missing KMS key [TMC202]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  encryption {
    algorithm = "aws:kms"
  }
}

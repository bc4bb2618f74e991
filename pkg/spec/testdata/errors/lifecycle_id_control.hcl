# a lifecycle rule ID with an escape sequence and a newline: S3 would store
# it, but it drives terminals and breaks plan tables.
# want: line 7: Invalid lifecycle rule ID
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  lifecycle_rule "Expire\u001b[31m\nx" {
    expiration_days = 30
  }
}

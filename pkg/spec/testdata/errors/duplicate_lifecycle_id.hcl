# two lifecycle rules with one ID.
# want: line 9: Duplicate lifecycle rule ID [TMC306]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  lifecycle_rule "Expire" {
    expiration_days = 30
  }
  lifecycle_rule "Expire" {
    expiration_days = 60
  }
}

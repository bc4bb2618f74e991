# expiration after zero days.
# want: line 7: Invalid expiration_days [TMC302]
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  lifecycle_rule "Expire" {
    expiration_days = 0
  }
}

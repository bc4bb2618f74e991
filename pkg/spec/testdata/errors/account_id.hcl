# an invalid own account id.
# want: line 4: Invalid account_id
aws {
  account_id = "1234"
}
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

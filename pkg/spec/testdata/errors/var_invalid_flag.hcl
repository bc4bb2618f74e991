# -var without =.
# var: region
# want: line 0: Invalid -var option
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

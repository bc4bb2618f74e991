# an invalid region.
# want: line 5: Invalid region
bucket "data" {
  name   = "teramot-fixture-data"
  region = "US East"
}

# a malformed region that starts like a China region: reported as an
# invalid region only, not also as a region outside the partition.
# want: line 6: Invalid region
bucket "data" {
  name   = "teramot-fixture-data"
  region = "cn-north"
}

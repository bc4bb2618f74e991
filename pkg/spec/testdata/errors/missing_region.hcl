# a bucket without a region.
# want: line 3: Missing required argument
bucket "data" {
  name = "teramot-fixture-data"
}

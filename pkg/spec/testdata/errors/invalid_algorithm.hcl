# a wrongly cased algorithm.
# want: line 7: Invalid algorithm
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  encryption {
    algorithm = "aes256"
  }
}

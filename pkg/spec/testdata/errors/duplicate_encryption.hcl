# two encryption blocks.
# want: line 9: Duplicate encryption block
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  encryption {
    algorithm = "AES256"
  }
  encryption {
    algorithm = "AES256"
  }
}

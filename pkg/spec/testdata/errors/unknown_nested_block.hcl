# a misspelled nested block.
# want: line 6: Unsupported block type
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  encryptoin {
  }
}

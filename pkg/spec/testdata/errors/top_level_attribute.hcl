# an attribute outside any block.
# want: line 3: Unsupported argument
region = "us-east-1"
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

# a call to a function that does not exist.
# want: line 7: Call to unknown function
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  tags = {
    id = uuid()
  }
}

# file() reaching outside the root.
# want: line 7: Error in function call
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  tags = {
    owner = file("../secret.txt")
  }
}

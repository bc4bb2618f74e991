# file() with an absolute path.
# want: line 7: Error in function call
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
  tags = {
    owner = file("/etc/passwd")
  }
}

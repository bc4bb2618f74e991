# Names formatted as IP addresses are rejected, valid addresses or not.
bucket "a" {
  name   = "192.168.5.4" # want: TMC701
  region = "us-east-1"
}

bucket "b" {
  name   = "999.10.01.1" # want: TMC701
  region = "us-east-1"
}

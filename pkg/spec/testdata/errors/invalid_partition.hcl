# an unknown partition.
# want: line 4: Invalid partition
aws {
  partition = "aws-eu"
}
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

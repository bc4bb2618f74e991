# a China region with the default partition, aws.
# want: line 5: Region not in the partition
bucket "beijing" {
  name   = "teramot-fixture-beijing"
  region = "cn-north-1"
}

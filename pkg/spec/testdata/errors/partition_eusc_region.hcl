# a European Sovereign Cloud region, partition aws-eusc, even with the
# default partition.
# want: line 6: Region of an unsupported partition
bucket "eusc" {
  name   = "teramot-fixture-eusc"
  region = "eusc-de-east-1"
}

# a region of an isolated partition, which teramotc cannot render ARNs for.
# want: line 5: Region of an unsupported partition
bucket "iso" {
  name   = "teramot-fixture-iso"
  region = "us-iso-east-1"
}

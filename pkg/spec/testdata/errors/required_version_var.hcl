# required_version from a variable.
# want: line 7: Invalid required_version
variable "v" {
  default = ">= 0.1"
}
teramotc {
  required_version = var.v
}
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

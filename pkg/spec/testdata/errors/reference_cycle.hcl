# two locals referring to each other.
# want: line 5: Reference cycle
locals {
  a = "${local.b}-x"
  b = "${local.a}-y"
}
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

# a reference to an undeclared variable.
# want: line 8: Reference to undeclared input variable
variable "region" {
  default = "us-east-1"
}
bucket "data" {
  name   = "teramot-fixture-data"
  region = var.regoin
}

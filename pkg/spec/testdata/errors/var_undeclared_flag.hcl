# -var for an undeclared variable.
# var: regoin=eu-west-1
# want: line 0: Value for undeclared variable
variable "region" {
  default = "us-east-1"
}
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

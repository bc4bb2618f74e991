# a default of the wrong type.
# want: line 5: Invalid value for variable
variable "days" {
  type    = number
  default = "many"
}
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

# two variables with one name.
# want: line 6: Duplicate variable
variable "company" {
  default = "acme"
}
variable "company" {
  default = "other"
}
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

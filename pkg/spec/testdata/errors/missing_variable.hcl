# a variable without default or value.
# want: line 3: No value for required variable
variable "region" {
  type = string
}
bucket "data" {
  name   = "teramot-fixture-data"
  region = var.region
}

# a default that fails its validation.
# want: line 5: Invalid value for variable
variable "company" {
  type    = string
  default = "ACME!"
  validation {
    condition     = can(regex("^[a-z]+$", var.company))
    error_message = "Use lowercase letters."
  }
}
bucket "data" {
  name   = "teramot-${var.company}"
  region = "us-east-1"
}

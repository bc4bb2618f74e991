# a validation block without error_message: reported, and the check is
# skipped rather than evaluated.
# want: line 6: Incomplete validation block
variable "company" {
  default = "acme"
  validation {
    condition = length(var.company) > 1
  }
}
bucket "data" {
  name   = "teramot-fixture-${var.company}"
  region = "us-east-1"
}

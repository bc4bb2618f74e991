variable "company" {
  type        = string
  description = "Short company slug used in bucket names."
  default     = "acme"

  validation {
    condition     = can(regex("^[a-z0-9-]{2,30}$", var.company))
    error_message = "Use 2 to 30 lowercase letters, digits and dashes."
  }
}

variable "region" {
  type        = string
  description = "AWS region of the buckets."
  default     = "us-east-1"
}

locals {
  data_bucket = "teramot-data-${var.company}"
  logs_bucket = "${var.company}-teramot-logs"
}

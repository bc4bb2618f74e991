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

variable "teramot_account_id" {
  type        = string
  description = "Teramot's AWS account, trusted to assume the role."
  default     = "210987654321"
}

variable "external_id" {
  type        = string
  description = "The external id Teramot sends when it assumes the role. Set it with TERAMOTC_VAR_external_id in real use."
  sensitive   = true
  default     = "tmc-7f3a9c2e-acme-4b1d-9e55"
}

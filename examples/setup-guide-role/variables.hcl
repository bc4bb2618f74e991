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

# The two defaults below are placeholders, so that the example renders as
# it is: 210987654321 is no account of Teramot's, and the external id is
# printed here for everyone to read. Lint reports both as errors (TMC604,
# TMC602), which stops plan. Set the values Teramot gives you:
#   -var teramot_account_id=... (or TERAMOTC_VAR_teramot_account_id)
#   TERAMOTC_VAR_external_id=... (or -var external_id=...)
variable "teramot_account_id" {
  type        = string
  description = "Teramot's AWS account id, trusted to assume the role. The default is a placeholder (TMC604): set the id Teramot gives you with -var teramot_account_id=... or TERAMOTC_VAR_teramot_account_id."
  default     = "210987654321"
}

variable "external_id" {
  type        = string
  description = "The external id Teramot issues for your account and sends when it assumes the role. The default is a placeholder printed in teramotc's repository (TMC602): set yours with TERAMOTC_VAR_external_id or -var external_id=...."
  sensitive   = true
  default     = "tmc-7f3a9c2e-acme-4b1d-9e55"
}

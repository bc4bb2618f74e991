# A teramotc spec: one shared S3 bucket, the cross-account role a partner
# assumes to reach it, and a CloudTrail trail auditing every data access.
# Language reference: https://github.com/teramot/teramotc/blob/main/docs/spec.md
#
#   teramotc validate            # check the spec (offline)
#   teramotc lint -policy policy # built-in rules plus the rules in policy/
#   teramotc render -o rendered  # the AWS documents, one JSON file each

variable "company" {
  type        = string
  description = "Short company slug used in bucket names."
  default     = "{{.Company}}"

  validation {
    condition     = can(regex("^[a-z0-9-]{2,30}$", var.company))
    error_message = "Use 2 to 30 lowercase letters, digits and dashes."
  }
}

variable "account_id" {
  type        = string
  description = "Your AWS account id (12 digits): apply refuses credentials of another account, and the log bucket accepts logs only from this account's bucket and trail."
  default     = "{{.AccountID}}"
}

variable "region" {
  type        = string
  description = "AWS region of the buckets."
  default     = "us-east-1"
}

variable "partner_account_id" {
  type        = string
  description = "The partner's AWS account (12 digits), trusted to assume the role."
{{- if .PartnerAccountID}}
  default     = "{{.PartnerAccountID}}"
{{- else}}
  # No default on purpose: teramotc validate, lint, render and plan fail
  # until you give the account you share with. Write it here, as
  #   default = "<the partner's 12-digit account id>"
  # (teramotc init -partner-account-id=ID does), or give it with
  # -var partner_account_id=ID or TERAMOTC_VAR_partner_account_id=ID.
{{- end}}
}

variable "external_id" {
  type        = string
  description = "The external id the partner sends when it assumes the role."
  sensitive   = true
{{- if .ExternalID}}
  # Issued by the partner (teramotc init -partner-external-id). AWS does
  # not treat an external id as a secret: anyone who may read the role
  # sees it. teramotc still keeps it out of its output (sensitive = true).
  default = "{{.ExternalID}}"
{{- else}}
  # No default on purpose: the partner issues the external id (a random
  # value per customer, as AWS advises), so teramotc validate, lint,
  # render and plan fail until you give it. Write it here, as
  #   default = "<the external id the partner gave you>"
  # (teramotc init -partner-external-id=ID does), or give it with
  # -var external_id=ID or TERAMOTC_VAR_external_id=ID (in CI, from a
  # repository secret, to keep it out of git).
{{- end}}
}

aws {
  account_id = var.account_id
}

locals {
  data_bucket = "${var.company}-shared-data"
  logs_bucket = "${var.company}-shared-logs"
}

bucket "data" {
  name   = local.data_bucket
  region = var.region

  lifecycle_rule "Archive" {
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
    transition {
      days          = 90
      storage_class = "GLACIER"
    }
    noncurrent_expiration_days   = 90
    abort_incomplete_upload_days = 7
  }

  access_logging {
    target_bucket = bucket.logs.name
    target_prefix = "shared-data/"
  }

  tags = {
    owner = "data-platform"
  }
}

# Receives the data bucket's access logs and the CloudTrail logs. teramotc
# adds the statements the two delivery services need to its policy.
bucket "logs" {
  name   = local.logs_bucket
  region = var.region

  lifecycle_rule "ExpireLogs" {
    expiration_days              = 365
    noncurrent_expiration_days   = 30
    abort_incomplete_upload_days = 7
  }

  tags = {
    owner = "data-platform"
  }
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read", "list"]

  cross_account_role {
    name               = "partner-shared-data"
    trusted_account_id = var.partner_account_id
    trusted_principal  = "root"
    external_id        = var.external_id
    policy_name        = "partner-shared-data-read"
  }
}

trail "shared-data" {
  bucket       = bucket.data
  log_bucket   = bucket.logs.name
  log_prefix   = "shared-data"
  read_events  = true
  write_events = true
}

# The spec of the permissions tests: every kind of resource the engine
# manages. A data bucket with a lifecycle rule, tags, access logging to a
# declared log bucket, a cross-account role grant (with a path) and a
# trail; a second bucket logging to a bucket the spec does not declare,
# with an IAM user grant (with a path and an access key); and the log
# bucket, whose lifecycle rules delete objects.

aws {
  account_id = "123456789012" # moto's account
}

variable "external_id" {
  type      = string
  sensitive = true
  default   = "tmc-perm-3f9a1c7e-5b2d-4e8f-a1b2"
}

bucket "data" {
  name       = "tmc-perm-data"
  region     = "us-east-1"
  versioning = true

  lifecycle_rule "Archive" {
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
  }

  access_logging {
    target_bucket = bucket.logs.name
    target_prefix = "data/"
  }

  tags = {
    owner = "data-platform"
  }
}

bucket "shared" {
  name   = "tmc-perm-shared"
  region = "us-east-1"

  access_logging {
    target_bucket = "tmc-perm-external-logs"
    target_prefix = "shared/"
  }
}

bucket "logs" {
  name   = "tmc-perm-logs"
  region = "us-east-1"

  lifecycle_rule "ExpireLogs" {
    expiration_days              = 365
    noncurrent_expiration_days   = 30
    abort_incomplete_upload_days = 7
  }
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read", "list"]

  cross_account_role {
    name               = "tmc-perm-partner"
    path               = "/partners/"
    trusted_account_id = "210987654321"
    external_id        = var.external_id
    policy_name        = "tmc-perm-partner-read"
  }
}

grant "ingest" {
  bucket      = bucket.shared
  permissions = ["write"]

  iam_user {
    name              = "tmc-perm-ingest"
    path              = "/services/"
    policy_name       = "tmc-perm-ingest-write"
    create_access_key = true
  }
}

trail "tmc-perm-trail" {
  bucket       = bucket.data
  log_bucket   = bucket.logs.name
  log_prefix   = "trail"
  read_events  = true
  write_events = true
}

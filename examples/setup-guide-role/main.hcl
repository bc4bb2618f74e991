# The Teramot S3 setup guide as one spec, with the cross-account role variant
# (no long-lived keys: Teramot assumes a role with an external id).

aws {
  account_id = "111122223333"
}

# Step 1-4: the shared data bucket.
bucket "data" {
  name   = local.data_bucket
  region = var.region

  block_public_access = true
  object_ownership    = "BucketOwnerEnforced"

  encryption {
    algorithm                 = "AES256"
    require_encrypted_uploads = true
  }

  versioning = true

  lifecycle_rule "TeramotDataLifecycle" {
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
    transition {
      days          = 90
      storage_class = "GLACIER"
    }
  }

  access_logging {
    target_bucket = bucket.logs.name
    target_prefix = "teramot-data/"
  }

  tags = {
    owner   = "data-platform"
    purpose = "teramot-data-sharing"
  }
}

# Receives the data bucket's server access logs and the CloudTrail logs. As
# a declared log target it needs no access logging of its own (TMC401), and
# its deny of unencrypted uploads exempts the two log delivery services,
# which send no SSE header; default encryption still covers their objects.
bucket "logs" {
  name   = local.logs_bucket
  region = var.region

  encryption {
    algorithm = "AES256"
  }

  lifecycle_rule "ExpireLogs" {
    expiration_days              = 365
    noncurrent_expiration_days   = 30
    abort_incomplete_upload_days = 7
  }
}

# Step 5 (alternative): the cross-account role Teramot assumes.
grant "teramot" {
  bucket      = bucket.data
  permissions = ["read", "write", "delete", "list"]

  cross_account_role {
    name                 = "teramot-access"
    trusted_account_id   = var.teramot_account_id
    trusted_principal    = "root"
    external_id          = var.external_id
    max_session_duration = 3600
    policy_name          = "teramot-s3-access"
  }
}

# Monitoring: CloudTrail data events on the shared bucket.
trail "teramot-data" {
  bucket       = bucket.data
  log_bucket   = bucket.logs.name
  log_prefix   = "teramot"
  read_events  = true
  write_events = true
}

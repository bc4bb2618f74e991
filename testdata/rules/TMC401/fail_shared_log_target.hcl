# The data bucket is shared with a partner (by a grant) and also receives
# the access logs of another bucket: that does not make it a log bucket
# that may go without access logging.
aws {
  account_id = "111122223333"
}

bucket "data" { # want: TMC401
  name   = "acme-teramot-data"
  region = "us-east-1"
}

bucket "aux" {
  name   = "acme-teramot-aux"
  region = "us-east-1"

  access_logging {
    target_bucket = bucket.data.name
    target_prefix = "aux-logs/"
  }
}

# A log bucket whose policy lets another account read it.
bucket "logs" { # want: TMC401
  name   = "acme-teramot-logs"
  region = "us-east-1"

  statement "PartnerRead" {
    principals = { AWS = ["arn:aws:iam::210987654321:root"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-teramot-logs/*"]
  }
}

bucket "more" {
  name   = "acme-teramot-more"
  region = "us-east-1"

  access_logging {
    target_bucket = bucket.logs.name
    target_prefix = "more/"
  }
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read"]

  cross_account_role {
    name               = "partner-read"
    trusted_account_id = "210987654321"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

trail "audit" {
  bucket       = bucket.data
  log_bucket   = "acme-teramot-trail-logs"
  read_events  = true
  write_events = true
}

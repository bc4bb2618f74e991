# Trail labels CloudTrail rejects as trail names: too short, two dashes in
# a row, a dash next to an underscore, a trailing dash.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

trail "t" { # want: TMC706
  bucket     = bucket.data
  log_bucket = "acme-central-cloudtrail"
}

trail "data--audit" { # want: TMC706
  bucket     = bucket.data
  log_bucket = "acme-central-cloudtrail"
}

trail "data-_audit" { # want: TMC706
  bucket     = bucket.data
  log_bucket = "acme-central-cloudtrail"
}

trail "audit-" { # want: TMC706
  bucket     = bucket.data
  log_bucket = "acme-central-cloudtrail"
}

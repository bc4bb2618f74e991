# A write-only drop box: the partner can overwrite only the objects under
# "inbox/" (review-diff4 M2). A warning naming the prefix, not the error
# that claims the whole bucket. A prefixed grant that may also delete is
# limited the same way; a grant without a prefix is not.
aws {
  account_id = "111122223333"
}

bucket "inbox" {
  name       = "acme-partner-inbox"
  region     = "us-east-1"
  versioning = false # want: TMC307

  lifecycle_rule "expire" {
    expiration_days = 30
  }
}

grant "partner" {
  bucket      = bucket.inbox
  prefix      = "inbox/"
  permissions = ["write", "delete"]

  cross_account_role {
    name               = "partner-inbox"
    trusted_account_id = "210987654321"
    external_id        = "f3b9c1d2-7a4e-4e8b-9c55-0d2e6a1b7c90"
  }
}

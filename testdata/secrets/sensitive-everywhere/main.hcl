# Sensitive values used outside the trust policy: a tag, a bucket-policy
# condition and a grant prefix. The secret-leak test sets org_id and team and
# checks that no output shows them (rendered files that hold them are
# written 0600 and are redacted everywhere they are printed).
variable "org_id" {
  type      = string
  sensitive = true
}

variable "team" {
  type      = string
  sensitive = true
}

bucket "data" {
  name   = "teramot-sensitive-everywhere"
  region = "us-east-1"

  statement "OrgRead" {
    effect     = "Allow"
    principals = { AWS = ["arn:aws:iam::444455556666:role/analytics"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::teramot-sensitive-everywhere/reports/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = [var.org_id]
    }
  }

  tags = {
    owner = "data-platform"
    team  = var.team # teramotc:ignore TMC705 -- this spec tests that a sensitive tag is masked in every output
  }
}

# apply creates an access key for this user: it goes to a 0600 file in
# -key-dir and never to stdout, stderr or a plan file.
grant "reader" {
  bucket      = bucket.data
  permissions = ["read", "list"]
  prefix      = "reports/"

  iam_user {
    name              = "teramot-corpus-reader"
    policy_name       = "teramot-corpus-read"
    create_access_key = true
  }
}

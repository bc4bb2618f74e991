# Principals as account ids, ARNs, IAM unique ids and service names, and the
# bucket's own ARN and object ARNs (a wildcard in the bucket part is left to
# the wildcard rules).
bucket "data" {
  name   = "teramot-audit-data"
  region = "us-east-1"

  statement "Readers" {
    principals = {
      AWS     = ["444455556666", "arn:aws:iam::444455556666:role/analytics", "AROAJQABLZS4A3QDU576Q"]
      Service = ["logging.s3.amazonaws.com"]
    }
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["arn:aws:s3:::teramot-audit-data", "arn:aws:s3:::teramot-audit-data/reports/*", "arn:aws:s3:::teramot-audit-*/*"]
  }
}

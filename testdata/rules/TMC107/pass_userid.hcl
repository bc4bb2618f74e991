# aws:userid as IAM unique ids: one user (AIDA...), one role's session
# (AROA...:NAME).
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "ByUniqueId" {
    principals = "*"
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:userid"
      values   = ["AIDAJQABLZS4A3QDU576Q", "AROAJQABLZS4A3QDU576Q:alice"]
    }
  }
}

# S3 calls any fixed aws:userid value non-public, so block_public_policy
# accepts these statements and TMC107 (what S3 refuses) stays silent: IAM
# unique ids, the own account's root user and a federated user, even
# "anonymous". TMC102 reports the last three (testdata/rules/TMC102).
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

  statement "OwnRootAndFederated" {
    principals = { AWS = ["*"] }
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:userid"
      values   = ["380214568012", "380214568012:alice"]
    }
  }

  statement "Anonymous" {
    principals = "*"
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:userid"
      values   = ["anonymous"]
    }
  }
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "OrgRead" {
    principals = "*"
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

# "*" pinned to a resource or an account of another account than
# aws.account_id: that account decides who gets in (its CloudFront
# distribution serves the bucket, its access points delegate access, anyone
# who may use its KMS key can upload). S3 calls these non-public.
aws {
  account_id = "111122223333"
}

bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  statement "ForeignDistribution" {
    principals = "*" # want: TMC102
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = ["arn:aws:cloudfront::210987654321:distribution/EDFDVBD6EXAMPLE"]
    }
  }

  statement "ForeignAccessPoints" {
    principals = { AWS = ["*"] } # want: TMC102
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "s3:DataAccessPointAccount"
      values   = ["210987654321"]
    }
  }

  statement "ForeignKey" {
    principals = "*" # want: TMC102
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "s3:x-amz-server-side-encryption-aws-kms-key-id"
      values   = ["arn:aws:kms:us-east-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab"]
    }
  }

  statement "OwnOrForeignAccount" {
    principals = "*" # want: TMC102
    actions    = ["s3:GetObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["111122223333", "210987654321"]
    }
  }
}

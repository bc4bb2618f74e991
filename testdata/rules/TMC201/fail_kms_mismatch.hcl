# aws:kms bucket whose own upload rule still asks for AES256, and whose
# generated deny is turned off.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  encryption {
    algorithm                 = "aws:kms"
    kms_key_arn               = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    require_encrypted_uploads = false # want: TMC201
  }

  statement "RequireSse" {
    effect     = "Deny"
    principals = "*"
    actions    = ["s3:PutObject"]
    resources  = ["arn:aws:s3:::acme-shared-data/*"]
    condition {
      test     = "StringNotEquals"
      variable = "s3:x-amz-server-side-encryption"
      values   = ["AES256"] # want: TMC201
    }
  }
}

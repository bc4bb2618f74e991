# The key is valid but lives in another region than the bucket: S3 cannot
# encrypt the bucket's objects with it.
bucket "frankfurt" {
  name   = "acme-shared-frankfurt"
  region = "eu-central-1"

  encryption {
    algorithm   = "aws:kms"
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" # want: TMC202
  }
}

# A replica of a multi-Region key in the bucket's region is fine.
bucket "dublin" {
  name   = "acme-shared-dublin"
  region = "eu-west-1"

  encryption {
    algorithm   = "aws:kms"
    kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab"
  }
}

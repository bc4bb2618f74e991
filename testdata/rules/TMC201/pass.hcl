# Defaults: AES256 with the matching deny-unencrypted-uploads statement.
bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"
}

bucket "keyed" {
  name   = "acme-shared-keyed"
  region = "us-east-1"

  encryption {
    algorithm   = "aws:kms"
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}

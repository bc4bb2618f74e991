bucket "kms" {
  name   = "acme-shared-kms"
  region = "us-east-1"

  encryption {
    algorithm   = "aws:kms"
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    bucket_key  = true
  }
}

bucket "dsse" {
  name   = "acme-shared-dsse"
  region = "us-east-1"

  encryption {
    algorithm   = "aws:kms:dsse"
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}

bucket "sses3" {
  name   = "acme-shared-sses3"
  region = "us-east-1"

  encryption {
    algorithm = "AES256"
  }
}

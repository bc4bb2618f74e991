bucket "nokey" {
  name   = "acme-shared-nokey"
  region = "us-east-1"

  encryption {
    algorithm = "aws:kms" # want: TMC202
  }
}

bucket "alias" {
  name   = "acme-shared-alias"
  region = "us-east-1"

  encryption {
    algorithm   = "aws:kms"
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:alias/shared-data" # want: TMC202
  }
}

bucket "sses3" {
  name   = "acme-shared-sses3"
  region = "us-east-1"

  encryption {
    algorithm   = "AES256"
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" # want: TMC202
  }
}

bucket "dsse" {
  name   = "acme-shared-dsse"
  region = "us-east-1"

  encryption {
    algorithm   = "aws:kms:dsse"
    kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    bucket_key  = true # want: TMC202
  }
}

# Uppercase letters and underscores are not allowed.
bucket "data" {
  name   = "Acme_Teramot_Data" # want: TMC701
  region = "us-east-1"
}

bucket "alias" {
  name   = "acme-data-s3alias" # want: TMC701
  region = "us-east-1"
}

# A sensitive variable used where no one reads it back (here: nowhere in a
# tag) and tags that look like tokens but are not.
variable "db_password" {
  type      = string
  sensitive = true
  default   = "Pr0dDBpassw0rd2026zQx"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  tags = {
    owner = "ghp_team"
    cert  = "-----BEGIN CERTIFICATE-----"
  }
}

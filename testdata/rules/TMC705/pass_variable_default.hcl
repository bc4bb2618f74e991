# A 40-character value as the default of a variable whose name is not a
# secret's (a checksum) is not reported.
variable "manifest_checksum" {
  type    = string
  default = "0a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
  tags = {
    checksum = var.manifest_checksum
  }
}

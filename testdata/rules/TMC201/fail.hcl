bucket "data" {
  name   = "acme-shared-data"
  region = "us-east-1"

  encryption {
    algorithm                 = "AES256"
    require_encrypted_uploads = false # want: TMC201
  }
}

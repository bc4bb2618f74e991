# Someone pasted an access key pair into a spec. TMC705 must report it, and no
# output format may repeat the key.
bucket "data" {
  name   = "teramot-key-corpus"
  region = "us-east-1"

  tags = {
    owner      = "data-platform"
    access_key = "AKIAZ7QXJ4TVW2LEAKED"
    secret     = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYLEAKEDSECRET"
  }
}

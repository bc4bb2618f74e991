# Credentials pasted into the spec.
# aws_access_key_id = AKIAIOSFODNN7EXAMPLE # want: TMC705
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  tags = {
    aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" # want: TMC705
  }
}

# Credentials come from the environment, never from the spec.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  tags = {
    credentials = "from the AWS profile"
  }
}

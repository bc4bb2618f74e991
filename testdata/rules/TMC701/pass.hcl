# Valid names.
bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

bucket "v2" {
  name   = "acme-teramot-data-2026"
  region = "us-east-1"
}

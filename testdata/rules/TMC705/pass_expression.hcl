# Values built by expressions that only look like keys: lower case, too
# short, or glued to other characters.
locals {
  half = "ODNN7EXAMPLF"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  tags = {
    lower  = lower("AKIA${"IOSFODNN7EXAMPLF"}")
    short  = "AKIA${"IOSF"}"
    glued  = join("", ["XAKIAIOSF", local.half])
    longer = "AKIAIOSF${local.half}7"
  }
}

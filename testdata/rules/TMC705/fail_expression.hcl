# Access key ids assembled by expressions: the source text holds no key,
# the rendered tags do (review rego2 L6).
locals {
  half = "ODNN7EXAMPLF"
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"

  tags = {
    interpolated = "AKIA${"IOSFODNN7EXAMPLF"}" # want: TMC705
    joined       = join("", ["AKIAIOSF", local.half]) # want: TMC705
    team         = "data"
  }
}

# one local name in two locals blocks.
# want: line 7: Duplicate local value
locals {
  x = "a"
}
locals {
  x = "b"
}
bucket "data" {
  name   = "teramot-fixture-data"
  region = "us-east-1"
}

bucket "data" {
  name = <<EOT
teramot

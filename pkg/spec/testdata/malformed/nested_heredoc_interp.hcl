bucket "data" {
  name = <<EOT
${"${"}
EOT
  region = "us-east-1"
}

# An access key pair given in a -var-file (the test writes keys.tfvars): one
# value lands in a tag, the other is declared but unused. TMC705 must report
# both at their lines in the var file, and no output may repeat them.
variable "owner" {
  type = string
}

variable "aws_secret_access_key" {
  type    = string
  default = ""
}

bucket "data" {
  name   = "teramot-key-var-file"
  region = "us-east-1"

  tags = {
    owner = var.owner
  }
}

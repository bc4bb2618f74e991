# A secret access key as the default of a variable named like a secret: the
# name is the block's label, on another line than the value.
variable "aws_secret_access_key" {
  type      = string
  sensitive = true
  default   = "EqV8ib8HDy88YtDtXbiufMdI8X2Y4rUmer+BH3M1" # want: TMC705
}

variable "credentials" {
  type = object({ key = string })
  default = {
    key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" # want: TMC705
  }
}

bucket "data" {
  name   = "acme-teramot-data"
  region = "us-east-1"
}

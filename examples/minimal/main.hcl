# The smallest useful spec: a bucket name and a region. Everything else takes
# the secure default: all four Public Access Block flags on, ACLs disabled,
# AES256 default encryption with a deny-unencrypted-uploads policy, a TLS-only
# bucket policy, and versioning.
bucket "data" {
  name   = "teramot-minimal-example"
  region = "us-east-1"
}

# A cross-account role whose external id comes from a sensitive variable. The
# secret-leak test sets the value through TERAMOTC_VAR_external_id, -var and
# -var-file and checks that no output carries it.
variable "external_id" {
  type      = string
  sensitive = true
}

aws {
  account_id = "123456789012"
}

bucket "data" {
  name   = "teramot-secret-corpus"
  region = "us-east-1"
}

grant "partner" {
  bucket      = bucket.data
  permissions = ["read", "list"]

  cross_account_role {
    name               = "partner-access"
    trusted_account_id = "913476520813"
    trusted_principal  = "root"
    external_id        = var.external_id
    policy_name        = "partner-s3-read"
  }
}
